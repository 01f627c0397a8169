import { DEFAULT_NOISE_SETTINGS } from '../noise/noise-settings';
import type { DistinctBatch } from './distinct-occurrences';
import type { IngestDelivery } from './ingest-delivery';

/**
 * Which stored occurrences fire again after a person resolved their incident:
 * a firing copy of an occurrence resolved by hand, arriving later than the
 * service's `lateCopySeconds` after the resolve (Alertmanager's next
 * `repeat_interval` or `group_interval`), opens a new incident (docs/noise.md).
 * Copies within that window are late copies of the same notification (HA
 * peers, retries) and change nothing.
 */
export function decideRefires(
  deliveries: readonly IngestDelivery[],
  batch: DistinctBatch,
  known: readonly { index: number; resolvedByHandMsAgo: number | null }[],
): Set<number> {
  const refires = new Set<number>();
  for (const k of known) {
    if (k.resolvedByHandMsAgo === null) continue;
    const occurrence = batch.occurrences[k.index]!;
    if (occurrence.alert.status !== 'firing') continue;
    const window = (deliveries[occurrence.owner]!.noise ?? DEFAULT_NOISE_SETTINGS).lateCopySeconds;
    if (k.resolvedByHandMsAgo > window * 1000) refires.add(k.index);
  }
  return refires;
}
