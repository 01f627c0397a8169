import type { IncomingAlert } from '../incoming-alert';

/** One delivery of an ingest batch (one sender request), its service already known. */
export interface IngestDelivery {
  serviceId: string;
  autoResolve: boolean;
  alerts: IncomingAlert[];
  /** Alertmanager's truncatedAlerts, or null when the sender has no such notion */
  truncatedAlerts: number | null;
  via: string;
  actor: string;
}

/** What one delivery did, as answered to its sender (before enqueueing). */
export interface IngestOutcomeSummary {
  alertsReceived: number;
  /** first time seen */
  alertsNew: number;
  /** re-sends of occurrences already held (Alertmanager repeats, HA duplicates) */
  alertsDeduplicated: number;
  alertsResolved: number;
  /** resolved alerts we never saw firing: nothing to do */
  alertsIgnored: number;
  /** older than an occurrence of their fingerprint already known: stored as stale, nothing else */
  alertsStale: number;
  incidentsOpened: number;
  incidentsResolved: number;
  incidents: { id: string; number: number }[];
}
