import type { IncomingAlert } from '../incoming-alert';
import type { IncidentEventDraft, IncidentTopic } from '../incidents/incident-event-catalog';
import { countAlerts, describeAlerts } from './describe-alerts';
import type { SupersededOccurrence } from './decide-supersession';
import type { DistinctBatch } from './distinct-occurrences';
import type { IngestDelivery, IngestOutcomeSummary } from './ingest-delivery';

/** An occurrence the batch found already stored (its row updated). */
export interface KnownOccurrenceRow {
  index: number;
  incidentId: string;
  incidentNumber: number;
  /** the incident's truncatedAlerts before this batch */
  truncatedAlerts: number;
  /** firing before, resolved by this batch */
  becameResolved: boolean;
}

/** A firing occurrence the batch stored for the first time (or found inserted by a racing copy). */
export interface FreshOccurrenceRow {
  index: number;
  incidentId: string;
  incidentNumber: number;
  truncatedAlerts: number;
  /** false when the row already existed (counted as a re-send) */
  inserted: boolean;
}

/** A new occurrence stored as stale (older than one already known), under this incident. */
export interface StaleOccurrenceRow {
  index: number;
  incidentId: string;
  incidentNumber: number;
}

/** What the statements found: the stored occurrences and the incidents fresh ones joined or opened. */
export interface IngestRows {
  known: readonly KnownOccurrenceRow[];
  fresh: readonly FreshOccurrenceRow[];
  /** new occurrences older than one already known (decide-supersession.ts) */
  stale?: readonly StaleOccurrenceRow[];
  /** stored firing occurrences a newer one of their fingerprint replaced */
  superseded?: readonly SupersededOccurrence[];
  /** known occurrences a person resolved while they fired, firing again (decide-refires.ts): `fresh` says where they went */
  refires?: ReadonlySet<number>;
  /** by incident id: its number, and whether this batch opened it */
  incidents: ReadonlyMap<string, { number: number; opened: boolean }>;
}

/** A timeline entry to write (a catalog draft), attributed to the delivery (`owner`) whose answer counts it. */
export type IngestEvent = IncidentEventDraft & {
  owner: number;
  incidentId: string;
  message: string;
  actor: string | null;
  via: string | null;
  topic?: IncidentTopic;
};

export interface IngestChanges {
  /** opened / alerts_added / alerts_resolved, in the order they are written */
  events: IngestEvent[];
  /** incidents with an alert resolved by a delivery of an auto-resolving service: resolve them if nothing fires; by id, the owner */
  autoResolve: Map<string, number>;
  /** Alertmanager's truncatedAlerts to store: the last delivery to touch an incident wins */
  truncation: { value: number; incidentIds: string[] }[];
  /** per delivery: the incidents its alerts touched (in order), with their number and stored truncatedAlerts */
  touched: Map<string, { number: number; truncatedAlerts: number }>[];
}

/**
 * Ingest, decided: from the rows the statements wrote and found, what the
 * timeline says, which incidents may auto-resolve, and which truncation counts
 * change. Each outcome is attributed to the first delivery that carried the
 * occurrence; every other copy counts as a re-send — the same answers the
 * deliveries would have got one transaction after another.
 */
export function decideIngestChanges(deliveries: readonly IngestDelivery[], batch: DistinctBatch, rows: IngestRows): IngestChanges {
  const { occurrences } = batch;
  const alertsOf = (list: readonly { index: number }[]): IncomingAlert[] => list.map((m) => occurrences[m.index]!.alert);
  const base = (owner: number) => ({ owner, actor: deliveries[owner]!.actor, via: deliveries[owner]!.via });
  const fingerprints = (list: readonly { index: number }[]) => ({ fingerprints: alertsOf(list).map((a) => a.fingerprint) });
  const { knownBy, freshBy } = byIndex(rows);
  const events: IngestEvent[] = [];

  for (const [incidentId, members] of groupBy(rows.fresh.filter((a) => a.inserted), (a) => a.incidentId)) {
    const incident = rows.incidents.get(incidentId)!;
    const owner = occurrences[members[0]!.index]!.owner;
    events.push(
      incident.opened
        ? {
            ...base(owner),
            incidentId,
            type: 'opened',
            message: `Incident #${incident.number} opened with ${countAlerts(members.length)}`,
            data: fingerprints(members),
            topic: 'incident.opened',
          }
        : {
            ...base(owner),
            incidentId,
            type: 'alerts_added',
            message: `${countAlerts(members.length)} added: ${describeAlerts(alertsOf(members))}`,
            data: fingerprints(members),
            topic: 'incident.alerts_added',
          },
    );
  }

  const resolvedNow = rows.known.filter((k) => k.becameResolved);
  for (const [incidentId, members] of groupBy(resolvedNow, (k) => k.incidentId)) {
    events.push({
      ...base(occurrences[members[0]!.index]!.owner),
      incidentId,
      type: 'alerts_resolved',
      message: `${countAlerts(members.length)} resolved: ${describeAlerts(alertsOf(members))}`,
      data: fingerprints(members),
    });
  }

  const refired = rows.fresh
    .filter((f) => f.inserted && rows.refires?.has(f.index))
    .map((f) => ({ index: f.index, incidentId: f.incidentId, resolvedIncidentId: knownBy.get(f.index)!.incidentId, resolvedIncidentNumber: knownBy.get(f.index)!.incidentNumber }));
  for (const members of groupBy(refired, (r) => `${r.incidentId} ${r.resolvedIncidentId}`).values()) {
    const { incidentId, resolvedIncidentId, resolvedIncidentNumber } = members[0]!;
    events.push({
      ...base(occurrences[members[0]!.index]!.owner),
      incidentId,
      type: 'refired_after_manual_resolve',
      message: `${countAlerts(members.length)} still firing after incident #${resolvedIncidentNumber} was resolved by hand: ${describeAlerts(alertsOf(members))}`,
      data: { ...fingerprints(members), resolvedIncidentId, resolvedIncidentNumber },
    });
  }
  for (const [incidentId, members] of groupBy(rows.superseded ?? [], (s) => s.incidentId)) {
    events.push({
      ...base(members[0]!.owner),
      incidentId,
      type: 'alerts_superseded',
      message: `${countAlerts(members.length)} superseded by a newer occurrence: ${describeAlerts(members)}`,
      data: { fingerprints: members.map((m) => m.fingerprint) },
    });
  }
  for (const [incidentId, members] of groupBy(rows.stale ?? [], (s) => s.incidentId)) {
    events.push({
      ...base(occurrences[members[0]!.index]!.owner),
      incidentId,
      type: 'alerts_stale',
      message: `${countAlerts(members.length)} ignored as stale, older than the occurrence already known: ${describeAlerts(alertsOf(members))}`,
      data: fingerprints(members),
    });
  }

  // an incident may auto-resolve when a delivery of an auto-resolving service resolved or superseded one of its alerts
  const autoResolve = new Map<string, number>();
  const mayResolve = [
    ...resolvedNow.map((k) => ({ incidentId: k.incidentId, owner: occurrences[k.index]!.owner })),
    ...(rows.superseded ?? []).map((s) => ({ incidentId: s.incidentId, owner: s.owner })),
  ];
  for (const { incidentId, owner } of mayResolve) {
    if (deliveries[owner]!.autoResolve && !autoResolve.has(incidentId)) autoResolve.set(incidentId, owner);
  }

  const touched = batch.indexesOf.map((indexes) => {
    const incidents = new Map<string, { number: number; truncatedAlerts: number }>();
    for (const index of indexes) {
      // a re-fire is both known (its old incident) and fresh (its new one): the new one counts
      const hit = freshBy.get(index) ?? knownBy.get(index);
      if (hit) incidents.set(hit.incidentId, { number: hit.incidentNumber, truncatedAlerts: hit.truncatedAlerts });
    }
    return incidents;
  });
  const latest = new Map<string, { now: number; was: number }>();
  touched.forEach((incidents, i) => {
    const now = deliveries[i]!.truncatedAlerts;
    if (now === null) return;
    for (const [id, t] of incidents) latest.set(id, { now, was: t.truncatedAlerts });
  });
  const truncation = [...groupBy([...latest].filter(([, t]) => t.now !== t.was), ([, t]) => String(t.now))].map(([value, ids]) => ({
    value: Number(value),
    incidentIds: ids.map(([id]) => id),
  }));

  return { events, autoResolve, truncation, touched };
}

/**
 * The rest of the outcome once the auto-resolve candidates were tried: their
 * `resolved` events and each delivery's answer.
 */
export function decideIngestOutcome(
  deliveries: readonly IngestDelivery[],
  batch: DistinctBatch,
  rows: IngestRows,
  changes: IngestChanges,
  autoResolved: readonly { id: string; number: number }[],
): { events: IngestEvent[]; summaries: IngestOutcomeSummary[] } {
  const events = [...changes.events];
  for (const incident of autoResolved) {
    const owner = changes.autoResolve.get(incident.id)!;
    events.push({
      owner,
      actor: 'system',
      via: deliveries[owner]!.via,
      incidentId: incident.id,
      type: 'resolved',
      message: `Incident #${incident.number} resolved: all its alerts have resolved`,
      topic: 'incident.resolved',
    });
  }

  const { knownBy, freshBy } = byIndex(rows);
  const staleIndexes = new Set((rows.stale ?? []).map((s) => s.index));
  const openedBy = changes.events.filter((e) => e.type === 'opened').map((e) => e.owner);
  const resolvedBy = autoResolved.map((r) => changes.autoResolve.get(r.id)!);

  const summaries = deliveries.map((d, i): IngestOutcomeSummary => {
    let alertsNew = 0;
    let alertsDeduplicated = 0;
    let alertsResolved = 0;
    let alertsIgnored = 0;
    let alertsStale = 0;
    const seenHere = new Set<number>();
    for (const index of batch.indexesOf[i]!) {
      const first = batch.occurrences[index]!.owner === i && !seenHere.has(index);
      seenHere.add(index);
      const k = knownBy.get(index);
      const f = freshBy.get(index);
      if (staleIndexes.has(index)) {
        if (first) alertsStale += 1;
        else alertsDeduplicated += 1;
      } else if (!k && !f) alertsIgnored += 1;
      else if (first && f?.inserted) alertsNew += 1;
      else alertsDeduplicated += 1;
      if (first && k?.becameResolved) alertsResolved += 1;
    }
    return {
      alertsReceived: d.alerts.length,
      alertsNew,
      alertsDeduplicated,
      alertsResolved,
      alertsIgnored,
      alertsStale,
      incidentsOpened: openedBy.filter((owner) => owner === i).length,
      incidentsResolved: resolvedBy.filter((owner) => owner === i).length,
      incidents: [...changes.touched[i]!].map(([id, t]) => ({ id, number: t.number })),
    };
  });
  return { events, summaries };
}

function byIndex(rows: IngestRows) {
  return { knownBy: new Map(rows.known.map((k) => [k.index, k])), freshBy: new Map(rows.fresh.map((f) => [f.index, f])) };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = m.get(k);
    if (list) list.push(item);
    else m.set(k, [item]);
  }
  return m;
}
