import type { IngestOutcomeSummary } from '@heinrich/core/ingest/ingest-delivery';

/** What one delivery did, as answered to its sender. */
export interface IngestSummary extends IngestOutcomeSummary {
  /** this delivery's outbox rows that could not be enqueued now; the relay will */
  deferred: number;
  /** firings of flapping groups that paged no one (docs/noise.md "Flapping"): the api counts them, not part of the answer */
  flapSuppressed: number;
}
