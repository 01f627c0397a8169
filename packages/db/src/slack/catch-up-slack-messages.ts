import type pg from 'pg';

/**
 * The backstop for a timeline entry the trigger could not flag: seq is given
 * out at insert, so a transaction that commits after a later one (a lower seq
 * arriving late) leaves wanted_seq unchanged while the message was rendered
 * without it. Posted rows touched since `since` whose incident has an entry
 * newer than what they show are marked stale again. Returns how many.
 */
export async function catchUpSlackMessages(db: pg.Pool | pg.PoolClient, since: Date): Promise<number> {
  const r = await db.query(
    `UPDATE slack_messages sm SET wanted_seq = latest.seq
       FROM (SELECT m.id, (SELECT max(e.seq) FROM incident_events e WHERE e.incident_id = m.incident_id) AS seq
               FROM slack_messages m WHERE m.status = 'posted' AND m.updated_at >= $1) AS latest
      WHERE sm.id = latest.id AND latest.seq > sm.synced_seq AND latest.seq > sm.wanted_seq`,
    [since],
  );
  return r.rowCount ?? 0;
}
