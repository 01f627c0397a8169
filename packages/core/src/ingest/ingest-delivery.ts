import type { IncomingAlert } from '../incoming-alert';
import type { NoiseSettings } from '../noise/noise-settings';
import type { CompiledAlertRule } from '../alert-rules/compile-alert-rules';

/** One delivery of an ingest batch (one sender request), its service already known. */
export interface IngestDelivery {
  serviceId: string;
  autoResolve: boolean;
  alerts: IncomingAlert[];
  /** Alertmanager's truncatedAlerts, or null when the sender has no such notion */
  truncatedAlerts: number | null;
  via: string;
  actor: string;
  /** the service's noise settings (defaults when absent) */
  noise?: NoiseSettings;
  /** the service's alert rules (docs/alert-rules.md), applied to its new firing occurrences; absent: none */
  alertRules?: AlertRuleSet | undefined;
  /**
   * These alerts were routed here by another service's alert rule (routeToServiceId,
   * docs/alert-rules.md): on the new firing occurrences, that service's rules run
   * first (recorded, "routed to Payments by rule …"), then this service's rules
   * with route actions ignored (one hop).
   */
  routedFrom?: (AlertRuleSet & { targetName: string }) | undefined;
}

/** One service's compiled alert rules as a delivery carries them. */
export interface AlertRuleSet {
  rules: readonly CompiledAlertRule[];
  service: { id: string; name: string };
  /** the instant time conditions read (epoch ms) */
  at: number;
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
