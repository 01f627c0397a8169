import { z } from 'zod';

/**
 * The incident timeline's catalog: every event type written to
 * `incident_events`, with the shape of its `data`. Writers name a type from
 * here; readers go through `readIncidentEvent`, which never throws: a stored
 * row whose type is not (or no longer) in the catalog, or whose data does not
 * match, reads as a generic event (`known: false`).
 *
 * Data schemas are loose (extra keys are kept) and list the keys writers
 * write; writers are typed by them (`IncidentEventDraft`), readers get each
 * declared key as optional (older rows may lack it). Instants are ISO strings
 * so clients render them in the viewer's zone.
 */

const iso = z.iso.datetime({ offset: true });
const loose = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);

/** The delivery a delivery event is about (every writer puts these first). */
const delivery = {
  deliveryId: z.string(),
  userId: z.string(),
  channel: z.string(),
  step: z.number(),
  cycle: z.number(),
};
/** How a paged user will be notified (core's planPages). */
const plan = {
  userId: z.string(),
  notificationId: z.string(),
  sends: z.array(loose({ type: z.string(), delayMinutes: z.number() })),
  skipped: z.array(loose({ reason: z.string() })),
  defaulted: z.boolean(),
};
const fingerprints = { fingerprints: z.array(z.string()) };
/** Where an escalation decision was: `at` is the engine's instant (the row's created_at is the database's clock). */
const position = { cycle: z.number(), step: z.number(), pass: z.number() };
const page = loose({ userId: z.string(), reasons: z.array(z.unknown()).optional() });
/** A step's target as resolved: `name` the schedule's or user's name then; `outcome` core's TargetOutcome. */
const target = loose({ type: z.string(), id: z.string(), name: z.string().nullish(), users: z.array(z.string()).optional(), outcome: z.unknown().optional() });
/** The step that follows, if any: when it is due (the message says it too). */
const next = loose({ cycle: z.number(), step: z.number(), dueAt: iso }).nullable();
const silence = { silenceId: z.string().nullable(), alertmanagerUrl: z.string() };

/**
 * Every event type, with the data its writers write (the write side is typed by
 * these: `IncidentEventDraft`). Instants a message bakes in are data fields too
 * (ISO strings), so clients render them in the viewer's zone.
 */
export const INCIDENT_EVENT_DATA = {
  // lifecycle
  opened: loose(fingerprints),
  alerts_added: loose(fingerprints),
  alerts_resolved: loose(fingerprints),
  /** a newer occurrence of these fingerprints fired: the earlier ones no longer count */
  alerts_superseded: loose(fingerprints),
  /** occurrences older than one already known: stored, never fire */
  alerts_stale: loose(fingerprints),
  acknowledged: loose({}),
  /** by a person: how many of its alerts still fired (they are marked resolved by hand) */
  resolved: loose({ firingAlerts: z.number().optional() }),
  /** alerts a person resolved while they fired, firing again: they opened or joined this incident */
  refired_after_manual_resolve: loose({ ...fingerprints, resolvedIncidentId: z.string(), resolvedIncidentNumber: z.number() }),
  retriggered: loose({}),
  note: loose({ author: z.string() }),
  // silences: `endsAt` is the "until" of the message; `endedAt` when the silence ended (expired, or ran out)
  silenced: loose({ ...silence, silenceId: z.string(), matchers: z.array(z.unknown()), startsAt: iso, endsAt: iso, durationMinutes: z.number() }),
  unsilenced: loose({ ...silence, endedAt: iso }),
  silence_ended: loose({ ...silence, endedAt: iso }),
  // escalation
  escalation_started: loose({ policyId: z.string().nullish(), urgency: z.string(), urgencyReason: z.string(), steps: z.number(), repeat: z.number() }),
  escalation_not_started: loose({ reason: z.enum(['no-policy', 'invalid-policy']).optional(), policyId: z.string().nullish(), problems: z.array(z.unknown()).optional() }),
  escalation_requested: loose({ toStep: z.number().nullable() }),
  escalation_moved: loose({
    from: loose({ cycle: z.number(), step: z.number(), status: z.string() }),
    to: loose({ cycle: z.number(), step: z.number() }),
    requestEventId: z.string().nullable(),
  }),
  escalation_not_moved: loose({}),
  // `retriggerAt`: when an acknowledgement timeout triggers the incident again (the message says it too)
  escalation_stopped: loose({
    at: iso,
    cycle: z.number(),
    step: z.number(),
    previousStatus: z.string(),
    cancelledPages: z.number(),
    retriggerAt: iso.nullable(),
  }),
  escalation_step: loose({ ...position, at: iso, targets: z.array(target), pages: z.array(page), next }),
  escalation_step_skipped: loose({ ...position, at: iso, targets: z.array(target), pages: z.array(page) }),
  escalation_fallback: loose({ ...position, at: iso, teamId: z.string().nullable(), pages: z.array(page), next }),
  escalation_exhausted: loose(position),
  // delivery
  delivery_planned: loose(plan),
  delivery_impossible: loose(plan),
  notified: loose({ ...delivery, providerId: z.string().nullable(), attempt: z.number() }),
  notification_delivered: loose({ ...delivery, providerId: z.string().nullable() }),
  notification_retry: loose({ ...delivery, error: z.string(), providerId: z.string().nullable(), attempts: z.number() }),
  notification_failed: loose({ ...delivery, error: z.string(), providerId: z.string().nullish(), attempts: z.number(), fallback: z.string() }),
  notification_unavailable: loose({ ...delivery, reason: z.string(), fallback: z.string() }),
  contact_method_disabled: loose({ userId: z.string(), number: z.string(), contactMethodIds: z.array(z.string()) }),
  // heartbeats: the miss that opened the incident, the ping that resolves it
  heartbeat_missed: loose({ heartbeatId: z.string(), lastPingAt: iso }),
  heartbeat_received: loose({ heartbeatId: z.string(), lastPingAt: iso }),
  // storm mode (docs/noise.md): `counts` by alertname; on the storm's first incident, `storm_ended` with the totals
  storm_started: loose({ stormId: z.string(), incidents: z.number(), windowSeconds: z.number(), counts: z.array(loose({ alertname: z.string(), count: z.number() })) }),
  /** what Explain says of a held incident: the storm page and the numbers that started the storm (rows before these keys have only stormId) */
  storm_held: loose({
    stormId: z.string(),
    pageIncidentId: z.string().optional(),
    pageIncidentNumber: z.number().optional(),
    serviceName: z.string().optional(),
    incidents: z.number().optional(),
    windowSeconds: z.number().optional(),
  }),
  storm_ended: loose({ stormId: z.string(), endedAt: iso, incidents: z.number(), held: z.number() }),
  // flapping (docs/noise.md "Flapping"): `changes` state changes (firing <-> resolved) of the group in the last `windowSeconds`, `threshold` the service's setting, `flapChanges` since it started flapping
  flapping_started: loose({ changes: z.number(), windowSeconds: z.number(), threshold: z.number() }),
  flap_suppressed: loose({ changes: z.number(), windowSeconds: z.number(), threshold: z.number(), flapChanges: z.number() }),
  flap_reopened: loose({ changes: z.number(), windowSeconds: z.number(), threshold: z.number(), flapChanges: z.number(), resolvedIncidentNumber: z.number() }),
  flapped_before: loose({ flapChanges: z.number(), resolvedIncidentNumber: z.number().nullable() }),
  flapping_ended: loose({ reason: z.enum(['quiet', 'hand']), flapChanges: z.number(), windowSeconds: z.number().nullable() }),
  // maintenance windows (docs/maintenance-windows.md): held while the window lasts; its end pages what still fires
  maintenance_held: loose({ windowId: z.string(), reason: z.string(), until: iso }),
  // alert rules (docs/alert-rules.md): what a service's rules did to new alerts; a suppressed incident pages no one
  alert_rules_applied: loose({
    ...fingerprints,
    rules: z.array(loose({ ruleId: z.string(), name: z.string(), serviceId: z.string(), serviceName: z.string(), changes: z.array(z.string()) })),
  }),
  alert_suppressed: loose({ ruleId: z.string(), name: z.string(), serviceName: z.string() }),
  maintenance_ended: loose({ windowId: z.string().nullable(), reason: z.string(), endedAt: iso, release: z.enum(['paged', 'resolved', 'acknowledged', 'not_firing']), firingAlerts: z.number() }),
  // the worker and Slack
  dispatched: loose({ outboxId: z.string(), topic: z.string(), eventId: z.string().nullable(), lagMs: z.number() }),
  slack_failed: loose({ slackMessageId: z.string(), target: z.string(), error: z.string() }),
} as const;

type Catalog = typeof INCIDENT_EVENT_DATA;
export type IncidentEventType = keyof Catalog;
export const INCIDENT_EVENT_TYPES = Object.keys(INCIDENT_EVENT_DATA) as IncidentEventType[];
/**
 * The data a writer writes for an event of type T: every declared key, no
 * undeclared one (an object literal with another key does not compile).
 */
export type IncidentEventData<T extends IncidentEventType> = Declared<z.output<Catalog[T]>>;

/** A loose schema's output without its index signatures (at every depth): only the declared keys. */
type Declared<T> = T extends readonly (infer U)[] ? Declared<U>[] : T extends object ? { [K in keyof T as string extends K ? never : K]: Declared<T[K]> } : T;
/**
 * The data a reader gets for a known event of type T: the declared keys as
 * stored by any version (each may be missing in rows older than it), and any
 * other keys the row has.
 */
export type ReadIncidentEventData<T extends IncidentEventType> = Partial<IncidentEventData<T>> & Record<string, unknown>;

/**
 * What a writer passes for one timeline event: its type and that type's data,
 * checked together by the compiler (a discriminated union on `type`). Types
 * whose data has no required key may leave `data` out (stored as {}).
 */
export type IncidentEventDraft = {
  [T in IncidentEventType]: Partial<IncidentEventData<T>> extends IncidentEventData<T> ? { type: T; data?: IncidentEventData<T> } : { type: T; data: IncidentEventData<T> };
}[IncidentEventType];

/** One draft's type and data, for helpers that build drafts of several types (the compiler checks each call). */
export function incidentEventDraft<T extends IncidentEventType>(type: T, data: IncidentEventData<T>): IncidentEventDraft {
  return { type, data } as IncidentEventDraft;
}

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
  [T in IncidentEventType]: { known: true; type: T; message: string; data: ReadIncidentEventData<T>; createdAt: Date };
}[IncidentEventType];

export interface GenericIncidentEvent {
  known: false;
  type: string;
  message: string;
  data: Record<string, unknown>;
  createdAt: Date;
}

export type ReadIncidentEvent = KnownIncidentEvent | GenericIncidentEvent;

/** Readers accept rows older than a key: every declared key may be missing (a present one must match). */
const READ_SCHEMAS = Object.fromEntries(INCIDENT_EVENT_TYPES.map((t): [string, z.ZodType] => [t, INCIDENT_EVENT_DATA[t].partial()])) as Record<IncidentEventType, z.ZodType>;

/**
 * Reads a stored event; never throws. Unknown types, and data whose declared
 * keys do not match (a string where a number is declared), read as generic,
 * with the row's data as stored (or {} when it is not an object).
 */
export function readIncidentEvent(row: StoredIncidentEvent): ReadIncidentEvent {
  const raw = row.data !== null && typeof row.data === 'object' && !Array.isArray(row.data) ? (row.data as Record<string, unknown>) : {};
  if (isIncidentEventType(row.type)) {
    const parsed = READ_SCHEMAS[row.type].safeParse(raw);
    if (parsed.success) {
      return { known: true, type: row.type, message: row.message, data: parsed.data, createdAt: row.createdAt } as KnownIncidentEvent;
    }
  }
  return { known: false, type: row.type, message: row.message, data: raw, createdAt: row.createdAt };
}

/** Narrows a read event to known events of these types (their data typed). */
export function isIncidentEvent<T extends IncidentEventType>(e: ReadIncidentEvent, ...types: T[]): e is Extract<KnownIncidentEvent, { type: T }> {
  return e.known && (types as string[]).includes(e.type);
}
