import type { IngestSummary } from './ingest-summary';

/** Several deliveries' summaries as one answer to the request that carried them all. */
export function sumSummaries(summaries: readonly IngestSummary[], received: number): IngestSummary {
  const total: IngestSummary = {
    alertsReceived: received, alertsNew: 0, alertsDeduplicated: 0, alertsResolved: 0, alertsIgnored: 0, alertsStale: 0,
    incidentsOpened: 0, incidentsResolved: 0, incidents: [], deferred: 0, flapSuppressed: 0,
  };
  for (const s of summaries) {
    total.alertsNew += s.alertsNew;
    total.alertsDeduplicated += s.alertsDeduplicated;
    total.alertsResolved += s.alertsResolved;
    total.alertsIgnored += s.alertsIgnored;
    total.alertsStale += s.alertsStale;
    total.incidentsOpened += s.incidentsOpened;
    total.incidentsResolved += s.incidentsResolved;
    total.incidents.push(...s.incidents);
    total.deferred += s.deferred;
    total.flapSuppressed += s.flapSuppressed;
  }
  return total;
}
