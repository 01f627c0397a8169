import type { IngestEvent } from '@heinrich/core/ingest/decide-ingest-outcome';
import type { DistinctBatch, DistinctOccurrence } from '@heinrich/core/ingest/distinct-occurrences';
import type { IngestDelivery } from '@heinrich/core/ingest/ingest-delivery';
import { decideFlapping, type FlapDecision } from '@heinrich/core/noise/decide-flapping';
import { DEFAULT_NOISE_SETTINGS } from '@heinrich/core/noise/noise-settings';
import { loadFlapGroups } from '@heinrich/db/flapping/load-flap-groups';
import { reopenIncidents, upsertFlapStates } from '@heinrich/db/flapping/write-flap-state';
import type pg from 'pg';

/** One group's flapping decision in a batch, and the delivery its outcome is attributed to. */
export interface GroupFlap {
  serviceId: string;
  keyHash: string;
  owner: number;
  /** the group's open incident before the batch */
  openIncidentId: string | null;
  decision: FlapDecision;
}

/** Manual and heartbeat incidents are not alert groups: they never flap. */
const isAlertGroup = (key: string) => !key.startsWith('manual:') && !key.startsWith('heartbeat:');

/**
 * Flapping, first half (docs/noise.md "Flapping"), once the batch's known
 * occurrences are updated and superseded ones marked, before the fresh ones
 * join or open their group's incident: load every touched group of a service
 * with flapping enabled -> core decideFlapping -> re-open the incidents it
 * says (so the fresh occurrences join them instead of opening new ones).
 * The caller holds the groups' ingest locks.
 */
export async function decideBatchFlapping(
  client: pg.PoolClient,
  deliveries: readonly IngestDelivery[],
  batch: DistinctBatch,
  /** the fresh firing occurrences that will be stored as current (decide-supersession.ts) */
  current: readonly DistinctOccurrence[],
): Promise<GroupFlap[]> {
  const groups = new Map<string, { serviceId: string; keyHash: string; owner: number; freshFiring: boolean }>();
  const currentIndexes = new Set(current.map((c) => c.index));
  for (const o of batch.occurrences) {
    const settings = deliveries[o.owner]!.noise ?? DEFAULT_NOISE_SETTINGS;
    if (!settings.flapping.enabled || !isAlertGroup(o.alert.group.key)) continue;
    const key = `${o.serviceId}\u0000${o.alert.group.keyHash}`;
    const g = groups.get(key) ?? { serviceId: o.serviceId, keyHash: o.alert.group.keyHash, owner: o.owner, freshFiring: false };
    if (currentIndexes.has(o.index)) g.freshFiring = true;
    groups.set(key, g);
  }
  if (groups.size === 0) return [];
  const rows = await loadFlapGroups(client, [...groups.values()]);
  const flaps = rows.map((row): GroupFlap => {
    const g = groups.get(`${row.serviceId}\u0000${row.keyHash}`)!;
    const settings = (deliveries[g.owner]!.noise ?? DEFAULT_NOISE_SETTINGS).flapping;
    return { serviceId: row.serviceId, keyHash: row.keyHash, owner: g.owner, openIncidentId: row.openIncidentId, decision: decideFlapping({ ...row, settings }) };
  });
  const reopen = flaps.map((f) => f.decision.reopenIncidentId).filter((id): id is string => id !== null);
  const reopened = new Set((await reopenIncidents(client, reopen)).map((r) => r.id));
  // an incident that could not be re-opened (another open incident of its group): the fresh occurrences join that one
  return flaps.map((f) =>
    f.decision.reopenIncidentId === null || reopened.has(f.decision.reopenIncidentId)
      ? f
      : { ...f, decision: { ...f.decision, reopenIncidentId: null, suppressed: false, events: f.decision.events.filter((e) => e.type !== 'flap_reopened') } },
  );
}

/**
 * Flapping, second half, once the fresh occurrences are stored: the states are
 * written (a group that started flapping on a new incident records it), and
 * the result is the timeline entries, the incidents held open (not
 * auto-resolved though their alerts resolved) and each delivery's count of
 * flap suppressions (firings that paged no one).
 */
export async function applyBatchFlapping(
  client: pg.PoolClient,
  deliveries: readonly IngestDelivery[],
  flaps: readonly GroupFlap[],
  /** the group's incident once the fresh occurrences are stored, by `${serviceId}\0${keyHash}` */
  groupIncident: ReadonlyMap<string, string>,
): Promise<{ events: IngestEvent[]; holdOpen: Set<string>; suppressed: number[] }> {
  const events: IngestEvent[] = [];
  const holdOpen = new Set<string>();
  const suppressed = deliveries.map(() => 0);
  const states = [];
  for (const f of flaps) {
    const { decision } = f;
    const incidentId = decision.reopenIncidentId ?? groupIncident.get(`${f.serviceId}\u0000${f.keyHash}`) ?? f.openIncidentId;
    if (decision.next) {
      const next = decision.next.flappingSince !== null && decision.next.incidentId === null ? { ...decision.next, incidentId } : decision.next;
      states.push({ serviceId: f.serviceId, keyHash: f.keyHash, state: next });
    }
    if (decision.holdOpen && incidentId) holdOpen.add(incidentId);
    if (decision.suppressed) suppressed[f.owner]! += 1;
    if (!incidentId) continue;
    const who = { owner: f.owner, incidentId, actor: 'system', via: deliveries[f.owner]!.via };
    for (const e of decision.events) events.push({ ...e, ...who });
  }
  await upsertFlapStates(client, states);
  return { events, holdOpen, suppressed };
}
