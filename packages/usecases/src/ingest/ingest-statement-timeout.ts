/** The pool's statement_timeout (packages/db/src/create-database.ts): what a small ingest transaction gets. */
const BASE_MS = 5_000;
/** Per alert: inserting 100,000 fresh occurrences takes 5-15 s on the 2-core reference machine. */
const PER_ALERT_MS = 0.5;

/**
 * The statement_timeout of an ingest transaction touching `alerts` alerts
 * (group pairs, one per alert for known deliveries): the pool's 5 s, plus room
 * for a big group, so a whole Alertmanager group (up to ALERTMANAGER_MAX_ALERTS)
 * commits instead of a 503 for its size (docs/noise.md#never-reject-by-volume).
 * 100,000 alerts: 55 s, under Alertmanager's notification timeout (its group_interval, 5 min by default).
 */
export function ingestStatementTimeoutMs(alerts: number): number {
  return BASE_MS + Math.ceil(alerts * PER_ALERT_MS);
}
