import { z } from 'zod';

/**
 * The incident timeline's catalog: every event type written to
 * `incident_events`, with the shape of its `data`. Writers name a type from
 * here; readers go through `readIncidentEvent`, which never throws: a stored
 * row whose type is not (or no longer) in the catalog, or whose data does not
 * match, reads as a generic event (`known: false`).
 *
 * Data schemas are loose (extra keys are kept) and list the keys readers use;
 * instants are ISO strings (`at`-style fields) so clients render them in the
 * viewer's zone.
 */

const iso = z.string();
const loose = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);

const delivery = {
  userId: z.string().optional(),
  channel: z.string().optional(),
  contactMethodId: z.string().optional(),
  providerId: z.string().nullish(),
  attempts: z.number().optional(),
  attempt: z.number().optional(),
  error: z.string().optional(),
  reason: z.string().optional(),
  fallback: z.string().optional(),
};

export const INCIDENT_EVENT_DATA = {
  // lifecycle
  opened: loose({}),
  alerts_added: loose({}),
  alerts_resolved: loose({}),
  acknowledged: loose({}),
  resolved: loose({}),
  retriggered: loose({}),
  note: loose({ author: z.string().optional() }),
  // silences
  silenced: loose({ until: iso.optional() }),
  unsilenced: loose({}),
  silence_ended: loose({}),
  // escalation
  escalation_started: loose({}),
  escalation_not_started: loose({ reason: z.string().optional() }),
  escalation_requested: loose({}),
  escalation_moved: loose({}),
  escalation_not_moved: loose({}),
  escalation_stopped: loose({}),
  escalation_step: loose({}),
  escalation_step_skipped: loose({}),
  escalation_fallback: loose({}),
  escalation_exhausted: loose({}),
  // delivery
  delivery_planned: loose({ ...delivery, skipped: z.array(z.unknown()).optional() }),
  delivery_impossible: loose({ ...delivery, skipped: z.array(z.unknown()).optional() }),
  notified: loose(delivery),
  notification_delivered: loose(delivery),
  notification_retry: loose(delivery),
  notification_failed: loose(delivery),
  notification_unavailable: loose(delivery),
  contact_method_disabled: loose(delivery),
  // heartbeats: the miss that opened the incident, the ping that resolves it
  heartbeat_missed: loose({ heartbeatId: z.string().optional(), lastPingAt: iso.optional() }),
  heartbeat_received: loose({ heartbeatId: z.string().optional(), lastPingAt: iso.optional() }),
  // the worker and Slack
  dispatched: loose({ outboxId: z.string().optional(), topic: z.string().optional(), eventId: z.string().nullish(), lagMs: z.number().optional() }),
  slack_failed: loose({ error: z.string().optional() }),
} as const;

export type IncidentEventType = keyof typeof INCIDENT_EVENT_DATA;
export const INCIDENT_EVENT_TYPES = Object.keys(INCIDENT_EVENT_DATA) as IncidentEventType[];
export type IncidentEventData<T extends IncidentEventType> = z.infer<(typeof INCIDENT_EVENT_DATA)[T]>;

export function isIncidentEventType(type: string): type is IncidentEventType {
  return Object.hasOwn(INCIDENT_EVENT_DATA, type);
}

/**
 * Through which surface an actor acted (`via`), besides the contact method
 * types a delivery event names (sms, voice, email, slack...). `actor` is a
 * user id or null (the system).
 */
export const INCIDENT_EVENT_VIA = ['api', 'ui', 'slack', 'sms', 'events', 'alertmanager', 'alertmanager-poll', 'heartbeat'] as const;
export type IncidentEventVia = (typeof INCIDENT_EVENT_VIA)[number];

/** Outbox topics: the worker reacts to exactly these. */
export const INCIDENT_TOPICS = [
  'incident.opened',
  'incident.alerts_added',
  'incident.acknowledged',
  'incident.resolved',
  'incident.escalate_requested',
  'incident.retriggered',
] as const;
export type IncidentTopic = (typeof INCIDENT_TOPICS)[number];

export function isIncidentTopic(topic: string): topic is IncidentTopic {
  return (INCIDENT_TOPICS as readonly string[]).includes(topic);
}

/** A timeline row as stored. */
export interface StoredIncidentEvent {
  type: string;
  message: string;
  data: unknown;
  createdAt: Date;
}

export type KnownIncidentEvent = {
  [T in IncidentEventType]: { known: true; type: T; message: string; data: IncidentEventData<T>; createdAt: Date };
}[IncidentEventType];

export interface GenericIncidentEvent {
  known: false;
  type: string;
  message: string;
  data: Record<string, unknown>;
  createdAt: Date;
}

export type ReadIncidentEvent = KnownIncidentEvent | GenericIncidentEvent;

/** Reads a stored event; never throws (unknown types and bad data read as generic). */
export function readIncidentEvent(row: StoredIncidentEvent): ReadIncidentEvent {
  const raw = row.data !== null && typeof row.data === 'object' && !Array.isArray(row.data) ? (row.data as Record<string, unknown>) : {};
  if (isIncidentEventType(row.type)) {
    const parsed = INCIDENT_EVENT_DATA[row.type].safeParse(raw);
    if (parsed.success) {
      return { known: true, type: row.type, message: row.message, data: parsed.data, createdAt: row.createdAt } as KnownIncidentEvent;
    }
  }
  return { known: false, type: row.type, message: row.message, data: raw, createdAt: row.createdAt };
}
