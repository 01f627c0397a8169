import type { IncomingAlert } from '@heinrich/core/incoming-alert';
import { lockGroups } from '@heinrich/db/ingest/lock-groups';
import { insertNewOccurrences } from '@heinrich/db/ingest/insert-new-occurrences';
import { openIncidentsForGroups } from '@heinrich/db/ingest/open-incidents-for-groups';
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
 */
export async function ingestAlerts(ctx: Context, input: IngestInput): Promise<IngestSummary> {
  const committed = await withTransaction(ctx.db.pool, (client) => applyIngest(client, input));
  const { failed } = await ctx.publisher.publish(committed.outboxIds);
  return { ...committed.summary, deferred: failed };
}

async function applyIngest(client: pg.PoolClient, input: IngestInput) {
  const { serviceId } = input;
  const alerts = typeof input.alerts === 'function' ? await input.alerts(client) : input.alerts;
  await lockGroups(client, serviceId, alerts.map((a) => a.group.keyHash));
  const known = alerts.length > 0 ? await updateKnownOccurrences(client, serviceId, alerts) : [];
  const knownIndexes = new Set(known.map((k) => k.index));

  const fresh = alerts.map((alert, index) => ({ alert, index })).filter(({ index }) => !knownIndexes.has(index));
  const freshFiring = fresh.filter(({ alert }) => alert.status === 'firing');

  const groups = new Map<string, IncomingAlert['group'] & { severity: string | null }>();
  for (const { alert } of freshFiring) {
    if (!groups.has(alert.group.keyHash)) groups.set(alert.group.keyHash, { ...alert.group, severity: alert.severity });
  }
  const incidents = groups.size > 0 ? await openIncidentsForGroups(client, serviceId, [...groups.values()]) : new Map();

  const inserted = await (freshFiring.length > 0
    ? insertNewOccurrences(
        client,
        serviceId,
        freshFiring.map(({ alert, index }) => ({ index, alert, incidentId: incidents.get(alert.group.keyHash)!.id })),
      )
    : Promise.resolve([]));

  const events: NewIncidentEvent[] = [];
  const base = { actor: input.actor, via: input.via };
  const touched = new Set<string>([...known.map((k) => k.incidentId), ...inserted.map((i) => i.incidentId)]);

  for (const incident of incidents.values()) {
    if (!incident.opened) continue;
    const members = inserted.filter((i) => i.incidentId === incident.id && i.inserted);
    events.push({
      ...base,
      incidentId: incident.id,
      type: 'opened',
      message: `Incident #${incident.number} opened with ${members.length} alert${members.length === 1 ? '' : 's'}`,
      data: { fingerprints: members.map((m) => alerts[m.index]!.fingerprint) },
      topic: 'incident.opened',
    });
  }
  const openedIds = new Set([...incidents.values()].filter((i) => i.opened).map((i) => i.id));
  for (const [incidentId, members] of groupBy(inserted.filter((i) => i.inserted && !openedIds.has(i.incidentId)), (i) => i.incidentId)) {
    events.push({
      ...base,
      incidentId,
      type: 'alerts_added',
      message: `${members.length} alert${members.length === 1 ? '' : 's'} added: ${describe(members.map((m) => alerts[m.index]!))}`,
      data: { fingerprints: members.map((m) => alerts[m.index]!.fingerprint) },
      topic: 'incident.alerts_added',
    });
  }
  const resolvedNow = known.filter((k) => k.becameResolved);
  for (const [incidentId, members] of groupBy(resolvedNow, (k) => k.incidentId)) {
    events.push({
      ...base,
      incidentId,
      type: 'alerts_resolved',
      message: `${members.length} alert${members.length === 1 ? '' : 's'} resolved: ${describe(members.map((m) => alerts[m.index]!))}`,
      data: { fingerprints: members.map((m) => alerts[m.index]!.fingerprint) },
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
  if (input.truncatedAlerts !== null) await setTruncatedAlerts(client, [...touched], input.truncatedAlerts);

  const numbers = new Map<string, number>([
    ...known.map((k) => [k.incidentId, k.incidentNumber] as const),
    ...[...incidents.values()].map((i) => [i.id, i.number] as const),
  ]);
  const outboxIds = await recordEvents(client, events);
  const newCount = inserted.filter((i) => i.inserted).length;
  const summary: Omit<IngestSummary, 'deferred'> = {
    alertsReceived: alerts.length,
    alertsNew: newCount,
    alertsDeduplicated: known.length + (inserted.length - newCount),
    alertsResolved: resolvedNow.length,
    alertsIgnored: fresh.length - freshFiring.length,
    incidentsOpened: openedIds.size,
    incidentsResolved: autoResolved.length,
    incidents: [...numbers].map(([id, number]) => ({ id, number })),
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

/** "pod=collector-7, pod=collector-8" — the labels that tell the alerts apart, briefly. */
function describe(list: IncomingAlert[]): string {
  const names = list.slice(0, 5).map((a) => a.labels.pod ?? a.labels.instance ?? a.labels.alertname ?? a.fingerprint);
  return names.join(', ') + (list.length > 5 ? ` and ${list.length - 5} more` : '');
}
