-- Per service, at most one occurrence of a fingerprint is firing (docs/noise.md,
-- "Re-fired alerts"). Earlier versions kept every firing occurrence: an alert that
-- fired again with a new startsAt (Prometheus restarted after a lost resolve) or a
-- replayed older notification left the fingerprint firing twice, and its incident
-- could never auto-resolve. Keep the newest firing occurrence per fingerprint; the
-- others are superseded. (A separate migration from the one adding the enum value:
-- a new enum value can't be used in the transaction that adds it.)
UPDATE alerts a
   SET status = 'superseded', ends_at = COALESCE(a.ends_at, now())
  FROM (SELECT id, row_number() OVER (PARTITION BY service_id, fingerprint ORDER BY starts_at DESC, id) AS rn
          FROM alerts
         WHERE status = 'firing') older
 WHERE a.id = older.id AND older.rn > 1;
