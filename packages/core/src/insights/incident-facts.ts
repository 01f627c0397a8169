import type { AlertChange } from './alerts-all-resolved';

/**
 * What insights know of one incident (docs/insights.md), as loaded by
 * packages/db/src/insights/load-incident-facts.ts. Instants are epoch ms.
 */
export interface IncidentFacts {
  id: string;
  number: number;
  serviceId: string;
  serviceName: string;
  /** the noise key: the alertname of its first alert (the events API's summary), else the title */
  key: string;
  createdAt: number;
  /** the urgency its escalation began with; null: no escalation began (no policy) */
  urgency: 'high' | 'low' | null;
  /** the first message that went out to a person (a `notified` timeline entry); null: it paged no one */
  firstPageAt: number | null;
  /** the first acknowledgement by a person */
  firstAckAt: number | null;
  /**
   * its first `resolved` timeline entry (a person's, or the system's when its alerts all
   * resolved) or `flapping_started` (its alerts resolved while a flap held it open); null: none.
   * Open time ends at this or at `alertChanges`' end, whichever is first (core openEnd).
   */
  firstResolveAt: number | null;
  /** that entry was a person's resolve (not its alerts) */
  firstResolveByPerson: boolean;
  /** its alerts' changes on its timeline, in order: when they first all resolved, also where the service does not auto-resolve */
  alertChanges: readonly AlertChange[];
  /** its escalation reached a step after the first, or a repeat pass */
  escalatedPastFirstStep: boolean;
  /** its escalation ran the last step of its last pass */
  exhausted: boolean;
  /** opened under a maintenance window */
  heldByMaintenance: boolean;
  /** an alert rule suppressed it */
  suppressed: boolean;
  /** held by a storm (not the storm's own paging incident) */
  heldByStorm: boolean;
  /** an Alertmanager silence was set from it */
  silenced: boolean;
  /** pages (notifications) of it that went out */
  pages: number;
  /** the person of each of those pages (one entry per page) */
  pagedUserIds: readonly string[];
  /** each message that went out to a person about it (a `notified` timeline entry), for interruptions */
  notified: readonly { userId: string; at: number }[];
  /** alert re-sends deduplicated away (alerts.dedup_count) */
  deduplicated: number;
}

/** What the pyramid's level of an incident depends on (core classifyIncident), and its deduplicated re-sends. */
export type IncidentLevelFacts = Pick<
  IncidentFacts,
  | 'createdAt'
  | 'urgency'
  | 'firstPageAt'
  | 'firstResolveAt'
  | 'firstResolveByPerson'
  | 'alertChanges'
  | 'escalatedPastFirstStep'
  | 'heldByMaintenance'
  | 'suppressed'
  | 'heldByStorm'
  | 'silenced'
  | 'deduplicated'
>;
