import { decideIngestChanges, decideIngestOutcome } from '@heinrich/core/ingest/decide-ingest-outcome';
import { distinctOccurrences } from '@heinrich/core/ingest/distinct-occurrences';
import type { IngestDelivery, IngestOutcomeSummary } from '@heinrich/core/ingest/ingest-delivery';
import { insertFreshOccurrences } from '@heinrich/db/ingest/insert-fresh-occurrences';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import { resolveQuietIncidents, setTruncatedAlerts } from '@heinrich/db/ingest/resolve-quiet-incidents';
import { updateKnownOccurrences } from '@heinrich/db/ingest/update-known-occurrences';
import type pg from 'pg';

/** One delivery of a batch, its occurrences already known. */
export type BatchDelivery = IngestDelivery;

/**
 * Applies the deliveries of one transaction (one, or several under load: group
 * commit): load → decide → apply. The statements write each distinct
 * occurrence once (with the number of copies the batch carried) and say what
 * they found; core decides the timeline, the auto-resolve candidates and each
 * delivery's answer (decide-ingest-outcome.ts). The caller holds the advisory
 * locks of every group in the batch.
 */
export async function applyIngestBatch(
  client: pg.PoolClient,
  deliveries: BatchDelivery[],
): Promise<{ outboxIds: string[]; summaries: IngestOutcomeSummary[]; outboxOwners: number[] }> {
  const batch = distinctOccurrences(deliveries);
  const known = await updateKnownOccurrences(client, batch.occurrences);
  const knownIndexes = new Set(known.map((k) => k.index));
  const freshFiring = batch.occurrences.filter((a) => !knownIndexes.has(a.index) && a.alert.status === 'firing');
  const { occurrences: fresh, incidents } =
    freshFiring.length > 0 ? await insertFreshOccurrences(client, freshFiring) : { occurrences: [], incidents: new Map() };
  const rows = { known, fresh, incidents };

  const changes = decideIngestChanges(deliveries, batch, rows);
  const autoResolved = await resolveQuietIncidents(client, [...changes.autoResolve.keys()], 'system');
  for (const { value, incidentIds } of changes.truncation) await setTruncatedAlerts(client, incidentIds, value);
  const { events, summaries } = decideIngestOutcome(deliveries, batch, rows, changes, autoResolved);

  const outboxIds = await recordEvents(client, events);
  const outboxOwners = events.filter((e) => e.topic).map((e) => e.owner);
  return { outboxIds, summaries, outboxOwners };
}
