import type { IncomingAlert } from '@heinrich/core/incoming-alert';
import type { BatchAlert } from '@heinrich/db/ingest/batch-alert';
import { insertFreshOccurrences, type FreshOccurrence, type GroupIncident } from '@heinrich/db/ingest/insert-fresh-occurrences';
import { recordEvents, type NewIncidentEvent } from '@heinrich/db/incidents/record-events';
import { resolveQuietIncidents, setTruncatedAlerts } from '@heinrich/db/ingest/resolve-quiet-incidents';
import { updateKnownOccurrences, type KnownOccurrence } from '@heinrich/db/ingest/update-known-occurrences';
import type pg from 'pg';
import type { IngestSummary } from './ingest-summary';

/** One delivery of a batch, its occurrences already known. */
export interface BatchDelivery {
  serviceId: string;
  autoResolve: boolean;
  alerts: IncomingAlert[];
  truncatedAlerts: number | null;
  via: string;
  actor: string;
}

interface Distinct extends BatchAlert {
  /** the first delivery that carried it: outcomes are attributed to it */
  owner: number;
}

/**
 * Applies the deliveries of one transaction (one, or several under load: group
 * commit). Each distinct occurrence is written once, with the number of copies
 * the batch carried; every outcome (new, opened, resolved) is attributed to the
 * first delivery that carried it, and every other copy counts as a re-send — the
 * same answers the deliveries would have got one transaction after another.
 * The caller holds the advisory locks of every group in the batch.
 */
export async function applyIngestBatch(
  client: pg.PoolClient,
  deliveries: BatchDelivery[],
): Promise<{ outboxIds: string[]; summaries: Omit<IngestSummary, 'deferred'>[]; outboxOwners: number[] }> {
  const distinct = new Map<string, Distinct>();
  const keysOf = deliveries.map((d, owner) =>
    d.alerts.map((alert) => {
      const key = `${d.serviceId}\u0000${alert.fingerprint}\u0000${alert.startsAt}`;
      const seen = distinct.get(key);
      if (seen) {
        seen.copies += 1;
        seen.alert = alert; // the newest copy's annotations win
      } else {
        distinct.set(key, { index: distinct.size, serviceId: d.serviceId, alert, copies: 1, owner });
      }
      return key;
    }),
  );
  const all = [...distinct.values()];
  const known = await updateKnownOccurrences(client, all);
  const knownBy = new Map<number, KnownOccurrence>(known.map((k) => [k.index, k]));
  const freshFiring = all.filter((a) => !knownBy.has(a.index) && a.alert.status === 'firing');
  const { occurrences: added, incidents } =
    freshFiring.length > 0
      ? await insertFreshOccurrences(client, freshFiring)
      : { occurrences: [] as FreshOccurrence[], incidents: new Map<string, GroupIncident>() };
  const addedBy = new Map<number, FreshOccurrence>(added.map((a) => [a.index, a]));

  const events: (NewIncidentEvent & { owner: number })[] = [];
  const eventBase = (owner: number) => ({ owner, actor: deliveries[owner]!.actor, via: deliveries[owner]!.via });
  const fingerprints = (list: { index: number }[]) => ({ fingerprints: list.map((m) => all[m.index]!.alert.fingerprint) });
  const openedBy = new Map<string, number>();

  for (const [incidentId, members] of groupBy(added.filter((a) => a.inserted), (a) => a.incidentId)) {
    const incident = incidents.get(incidentId)!;
    const owner = all[members[0]!.index]!.owner;
    const count = `${members.length} alert${members.length === 1 ? '' : 's'}`;
    if (incident.opened) openedBy.set(incidentId, owner);
    events.push(
      incident.opened
        ? {
            ...eventBase(owner),
            incidentId,
            type: 'opened',
            message: `Incident #${incident.number} opened with ${count}`,
            data: fingerprints(members),
            topic: 'incident.opened',
          }
        : {
            ...eventBase(owner),
            incidentId,
            type: 'alerts_added',
            message: `${count} added: ${describe(members.map((m) => all[m.index]!.alert))}`,
            data: fingerprints(members),
            topic: 'incident.alerts_added',
          },
    );
  }
  const resolvedNow = known.filter((k) => k.becameResolved);
  for (const [incidentId, members] of groupBy(resolvedNow, (k) => k.incidentId)) {
    events.push({
      ...eventBase(all[members[0]!.index]!.owner),
      incidentId,
      type: 'alerts_resolved',
      message: `${members.length} alert${members.length === 1 ? '' : 's'} resolved: ${describe(members.map((m) => all[m.index]!.alert))}`,
      data: fingerprints(members),
    });
  }

  const resolvingOwner = new Map<string, number>();
  for (const k of resolvedNow) {
    const owner = all[k.index]!.owner;
    if (deliveries[owner]!.autoResolve && !resolvingOwner.has(k.incidentId)) resolvingOwner.set(k.incidentId, owner);
  }
  const autoResolved = await resolveQuietIncidents(client, [...resolvingOwner.keys()], 'system');
  for (const incident of autoResolved) {
    events.push({
      ...eventBase(resolvingOwner.get(incident.id)!),
      actor: 'system',
      incidentId: incident.id,
      type: 'resolved',
      message: `Incident #${incident.number} resolved: all its alerts have resolved`,
      topic: 'incident.resolved',
    });
  }

  // what each delivery touched, and Alertmanager's truncatedAlerts (the last delivery to touch an incident wins)
  const touchedBy = keysOf.map((keys) => {
    const touched = new Map<string, { number: number; truncatedAlerts: number }>();
    for (const key of keys) {
      const a = distinct.get(key)!;
      const hit = knownBy.get(a.index) ?? addedBy.get(a.index);
      if (hit) touched.set(hit.incidentId, { number: hit.incidentNumber, truncatedAlerts: hit.truncatedAlerts });
    }
    return touched;
  });
  const truncation = new Map<string, { now: number; was: number }>();
  deliveries.forEach((d, i) => {
    if (d.truncatedAlerts === null) return;
    for (const [id, t] of touchedBy[i]!) truncation.set(id, { now: d.truncatedAlerts, was: t.truncatedAlerts });
  });
  for (const [value, ids] of groupBy([...truncation].filter(([, t]) => t.now !== t.was), ([, t]) => String(t.now))) {
    await setTruncatedAlerts(client, ids.map(([id]) => id), Number(value));
  }

  const outboxIds = await recordEvents(client, events);
  const outboxOwners = events.filter((e) => e.topic).map((e) => e.owner);
  const resolvedIds = new Map(autoResolved.map((r) => [r.id, resolvingOwner.get(r.id)!]));

  const summaries = deliveries.map((d, i) => {
    let alertsNew = 0;
    let alertsDeduplicated = 0;
    let alertsResolved = 0;
    let alertsIgnored = 0;
    const seenHere = new Set<string>();
    for (const key of keysOf[i]!) {
      const a = distinct.get(key)!;
      const first = a.owner === i && !seenHere.has(key);
      seenHere.add(key);
      const k = knownBy.get(a.index);
      const f = addedBy.get(a.index);
      if (!k && !f) alertsIgnored += 1;
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
      incidentsOpened: [...openedBy.values()].filter((owner) => owner === i).length,
      incidentsResolved: [...resolvedIds.values()].filter((owner) => owner === i).length,
      incidents: [...touchedBy[i]!].map(([id, t]) => ({ id, number: t.number })),
    };
  });
  return { outboxIds, summaries, outboxOwners };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = m.get(k);
    if (list) list.push(item);
    else m.set(k, [item]);
  }
  return m;
}

/** "collector-7, collector-8" — the labels that tell the alerts apart, briefly. */
function describe(list: IncomingAlert[]): string {
  const names = list.slice(0, 5).map((a) => a.labels.pod ?? a.labels.instance ?? a.labels.alertname ?? a.fingerprint);
  return names.join(', ') + (list.length > 5 ? ` and ${list.length - 5} more` : '');
}
