import { alertRulesEvents } from '@heinrich/core/alert-rules/alert-rules-events';
import { applyBatchAlertRules } from '@heinrich/core/alert-rules/apply-batch-alert-rules';
import { decideIngestChanges, decideIngestOutcome } from '@heinrich/core/ingest/decide-ingest-outcome';
import { decideRefires } from '@heinrich/core/ingest/decide-refires';
import { decideSupersession } from '@heinrich/core/ingest/decide-supersession';
import { distinctOccurrences } from '@heinrich/core/ingest/distinct-occurrences';
import type { IngestDelivery, IngestOutcomeSummary } from '@heinrich/core/ingest/ingest-delivery';
import { insertFreshOccurrences } from '@heinrich/db/ingest/insert-fresh-occurrences';
import { insertStaleOccurrences } from '@heinrich/db/ingest/insert-stale-occurrences';
import { loadFingerprintOccurrences } from '@heinrich/db/ingest/load-fingerprint-occurrences';
import { supersedeOccurrences } from '@heinrich/db/ingest/supersede-occurrences';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import { resolveQuietIncidents, setTruncatedAlerts } from '@heinrich/db/ingest/resolve-quiet-incidents';
import { updateKnownOccurrences } from '@heinrich/db/ingest/update-known-occurrences';
import type pg from 'pg';
import { applyBatchFlapping, decideBatchFlapping } from './apply-flapping';

/** One delivery of a batch, its occurrences already known. */
export type BatchDelivery = IngestDelivery;

/**
 * Applies the deliveries of one transaction (one, or several under load: group
 * commit): load → decide → apply. The statements write each distinct
 * occurrence once (with the number of copies the batch carried) and say what
 * they found; core decides which new occurrence is current, superseding or
 * stale (decide-supersession.ts), then the timeline, the auto-resolve
 * candidates and each delivery's answer (decide-ingest-outcome.ts). The caller holds the advisory
 * locks of every group in the batch.
 */
export async function applyIngestBatch(
  client: pg.PoolClient,
  deliveries: BatchDelivery[],
): Promise<{ outboxIds: string[]; summaries: IngestOutcomeSummary[]; outboxOwners: number[]; flapSuppressed: number[] }> {
  const batch = distinctOccurrences(deliveries);
  const known = await updateKnownOccurrences(client, batch.occurrences);
  const knownIndexes = new Set(known.map((k) => k.index));
  // an occurrence a person resolved while it fired, firing again past the late-copy window: it opens a new incident
  const refires = decideRefires(deliveries, batch, known);
  const freshFiring = batch.occurrences.filter((a) => (!knownIndexes.has(a.index) || refires.has(a.index)) && a.alert.status === 'firing');
  // per service, one firing occurrence per fingerprint: the newest supersedes, older ones are stale
  const stored = await loadFingerprintOccurrences(client, freshFiring.map((a) => ({ serviceId: a.serviceId, fingerprint: a.alert.fingerprint })));
  const { current, stale: staleDecided, superseded } = decideSupersession(freshFiring, stored);
  await supersedeOccurrences(client, superseded.map((s) => s.alertId));
  // alert rules (docs/alert-rules.md) on the new firing occurrences only, before flapping and grouping see them:
  // a suppressed one moves to its own group (it never joins an incident that pages)
  applyBatchAlertRules(deliveries, current);
  // flapping (docs/noise.md): a flapping group's resolved incident re-opens before its fresh occurrences look for one
  const flaps = await decideBatchFlapping(client, deliveries, batch, current);
  const { occurrences: fresh, incidents } =
    current.length > 0 ? await insertFreshOccurrences(client, current, refires) : { occurrences: [], incidents: new Map() };
  const freshBy = new Map(fresh.map((f) => [f.index, f]));
  const stale = staleDecided.map((s) => {
    const newer = s.newerIndex === null ? null : freshBy.get(s.newerIndex)!;
    return { index: s.index, incidentId: newer?.incidentId ?? s.incidentId!, incidentNumber: newer?.incidentNumber ?? s.incidentNumber! };
  });
  await insertStaleOccurrences(client, stale.map((s) => ({ ...batch.occurrences[s.index]!, incidentId: s.incidentId })));
  const rows = { known, fresh, incidents, stale, superseded, refires };

  const changes = decideIngestChanges(deliveries, batch, rows);
  const groupIncident = new Map(fresh.map((f) => [`${batch.occurrences[f.index]!.serviceId}\u0000${batch.occurrences[f.index]!.alert.group.keyHash}`, f.incidentId]));
  const flapping = await applyBatchFlapping(client, deliveries, flaps, groupIncident);
  // a flapping group's incident stays open though its alerts resolved
  for (const id of flapping.holdOpen) changes.autoResolve.delete(id);
  const autoResolved = await resolveQuietIncidents(client, [...changes.autoResolve.keys()], 'system');
  for (const { value, incidentIds } of changes.truncation) await setTruncatedAlerts(client, incidentIds, value);
  const { events, summaries } = decideIngestOutcome(deliveries, batch, rows, changes, autoResolved);

  const opened = new Set([...incidents.values()].filter((i) => i.opened).map((i) => i.id));
  const ruled = alertRulesEvents(
    fresh.filter((f) => f.inserted).map((f) => ({ occurrence: batch.occurrences[f.index]!, incidentId: f.incidentId, opened: opened.has(f.incidentId) })),
    (owner) => deliveries[owner]!.via,
  );
  const all = [...events, ...ruled, ...flapping.events];
  const outboxIds = await recordEvents(client, all);
  const outboxOwners = all.filter((e) => e.topic).map((e) => e.owner);
  return { outboxIds, summaries, outboxOwners, flapSuppressed: flapping.suppressed };
}
