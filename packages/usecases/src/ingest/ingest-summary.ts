/** What one delivery did, as answered to its sender. */
export interface IngestSummary {
  alertsReceived: number;
  /** first time seen */
  alertsNew: number;
  /** re-sends of occurrences already held (Alertmanager repeats, HA duplicates) */
  alertsDeduplicated: number;
  alertsResolved: number;
  /** resolved alerts we never saw firing: nothing to do */
  alertsIgnored: number;
  incidentsOpened: number;
  incidentsResolved: number;
  incidents: { id: string; number: number }[];
  /** this delivery's outbox rows that could not be enqueued now; the relay will */
  deferred: number;
}
