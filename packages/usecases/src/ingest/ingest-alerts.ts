import type { IncomingAlert } from '@heinrich/core/incoming-alert';
import { insertFreshOccurrences, type GroupIncident } from '@heinrich/db/ingest/insert-fresh-occurrences';
import { recordEvents, type NewIncidentEvent } from '@heinrich/db/ingest/record-events';
import { resolveQuietIncidents, setTruncatedAlerts } from '@heinrich/db/ingest/resolve-quiet-incidents';
import { updateKnownOccurrences } from '@heinrich/db/ingest/update-known-occurrences';
import { withTransaction } from '@heinrich/db/with-transaction';
import type pg from 'pg';
import type { Context } from '../context';

export interface IngestInput {
  serviceId: string;
  /** resolve an incident once all its alerts have resolved */
  autoResolve: boolean;
  /** the occurrences, or a function computing them inside the transaction (events API) */
  alerts: IncomingAlert[] | ((client: pg.PoolClient) => Promise<IncomingAlert[]>);
  /** the group key hashes the alerts can belong to; derived from `alerts` when it is an array */
  groups?: string[];
  /** Alertmanager's truncatedAlerts (max_alerts); null when the sender has no such notion */
  truncatedAlerts: number | null;
  /** who sent it, for the timeline: "alertmanager", "events" */
  via: string;
  actor: string;
}

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
  /** outbox rows that could not be enqueued now; the relay will */
  deferred: number;
}

/**
 * Ingest one delivery in ONE transaction, committed before the caller answers:
 * known occurrences are updated (dedup), new ones join their group's open
 * incident or open one, resolutions are applied, and every lifecycle change is
 * written to the timeline and the outbox. Then the outbox rows are enqueued.
 *
 * Deliveries touching the same groups of a service are serialized by advisory
 * locks taken with BEGIN: twenty copies of one notification (HA Alertmanagers,
 * retries) queue up, and exactly one of them opens the incident.
 */
export async function ingestAlerts(ctx: Context, input: IngestInput): Promise<IngestSummary> {
  const groups = input.groups ?? (Array.isArray(input.alerts) ? input.alerts.map((a) => a.group.keyHash) : []);
  const committed = await withTransaction(ctx.db.pool, (client) => applyIngest(client, input), {
    locks: groups.map((hash) => `ingest:${input.serviceId}:${hash}`),
  });
  const { failed } = await ctx.publisher.publish(committed.outboxIds);
  return { ...committed.summary, deferred: failed };
}

async function applyIngest(client: pg.PoolClient, input: IngestInput) {
  const { serviceId } = input;
  const alerts = typeof input.alerts === 'function' ? await input.alerts(client) : input.alerts;
  const known = alerts.length > 0 ? await updateKnownOccurrences(client, serviceId, alerts) : [];
  const knownIndexes = new Set(known.map((k) => k.index));
  const fresh = alerts.map((alert, index) => ({ alert, index })).filter(({ index }) => !knownIndexes.has(index));
  const freshFiring = fresh.filter(({ alert }) => alert.status === 'firing');
  const { occurrences: added, incidents } =
    freshFiring.length > 0
      ? await insertFreshOccurrences(client, serviceId, freshFiring)
      : { occurrences: [], incidents: new Map<string, GroupIncident>() };

  const events: NewIncidentEvent[] = [];
  const base = { actor: input.actor, via: input.via };
  const fingerprints = (list: { index: number }[]) => ({ fingerprints: list.map((m) => alerts[m.index]!.fingerprint) });

  for (const [incidentId, members] of groupBy(added.filter((a) => a.inserted), (a) => a.incidentId)) {
    const incident = incidents.get(incidentId)!;
    const count = `${members.length} alert${members.length === 1 ? '' : 's'}`;
    events.push(
      incident.opened
        ? {
            ...base,
            incidentId,
            type: 'opened',
            message: `Incident #${incident.number} opened with ${count}`,
            data: fingerprints(members),
            topic: 'incident.opened',
          }
        : {
            ...base,
            incidentId,
            type: 'alerts_added',
            message: `${count} added: ${describe(members.map((m) => alerts[m.index]!))}`,
            data: fingerprints(members),
            topic: 'incident.alerts_added',
          },
    );
  }
  const resolvedNow = known.filter((k) => k.becameResolved);
  for (const [incidentId, members] of groupBy(resolvedNow, (k) => k.incidentId)) {
    events.push({
      ...base,
      incidentId,
      type: 'alerts_resolved',
      message: `${members.length} alert${members.length === 1 ? '' : 's'} resolved: ${describe(members.map((m) => alerts[m.index]!))}`,
      data: fingerprints(members),
    });
  }

  const autoResolved =
    input.autoResolve && resolvedNow.length > 0
      ? await resolveQuietIncidents(client, [...new Set(resolvedNow.map((k) => k.incidentId))], 'system')
      : [];
  for (const incident of autoResolved) {
    events.push({
      ...base,
      actor: 'system',
      incidentId: incident.id,
      type: 'resolved',
      message: `Incident #${incident.number} resolved: all its alerts have resolved`,
      topic: 'incident.resolved',
    });
  }

  const touched = new Map<string, { number: number; truncatedAlerts: number }>([
    ...known.map((k) => [k.incidentId, { number: k.incidentNumber, truncatedAlerts: k.truncatedAlerts }] as const),
    ...added.map((a) => [a.incidentId, { number: a.incidentNumber, truncatedAlerts: a.truncatedAlerts }] as const),
  ]);
  const truncated = input.truncatedAlerts;
  if (truncated !== null && [...touched.values()].some((t) => t.truncatedAlerts !== truncated)) {
    await setTruncatedAlerts(client, [...touched.keys()], truncated);
  }

  const outboxIds = await recordEvents(client, events);
  const newCount = added.filter((a) => a.inserted).length;
  const summary: Omit<IngestSummary, 'deferred'> = {
    alertsReceived: alerts.length,
    alertsNew: newCount,
    alertsDeduplicated: known.length + (added.length - newCount),
    alertsResolved: resolvedNow.length,
    alertsIgnored: fresh.length - freshFiring.length,
    incidentsOpened: [...incidents.values()].filter((i) => i.opened).length,
    incidentsResolved: autoResolved.length,
    incidents: [...touched].map(([id, t]) => ({ id, number: t.number })),
  };
  return { outboxIds, summary };
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
