import type { Context } from '../context';
import type { BatchDelivery } from './apply-ingest-batch';
import { commitBatch, knownDeliveries } from './commit-batch';
import type { IngestSummary } from './ingest-summary';

interface Pending {
  /** one request's deliveries (several when its alert rules routed some alerts to other services): always in one transaction */
  deliveries: BatchDelivery[];
  resolve(summaries: IngestSummary[]): void;
  reject(err: unknown): void;
}

export interface CoalescerOptions {
  /** transactions in flight at once (each holds a pool connection) */
  maxInFlight: number;
  /** most alerts one transaction takes (whole deliveries; a larger delivery goes alone) */
  maxAlertsPerBatch: number;
}

/**
 * Group commit for ingest. Up to `maxInFlight` transactions run at once; a
 * delivery arriving when all are busy waits, and the waiting deliveries go
 * together in the next free transaction: under load one BEGIN/COMMIT (one WAL
 * flush) and one statement of each kind serve many deliveries. An idle system
 * adds no latency: a lone delivery starts at once. Every delivery is still
 * answered only after the transaction holding it committed.
 *
 * A batch failing for a reason a retry can't fix is split: each delivery runs
 * alone, so one poisonous delivery fails only itself.
 */
export class IngestCoalescer {
  private readonly waiting: Pending[] = [];
  private inFlight = 0;

  constructor(
    private readonly ctx: Context,
    private readonly opts: CoalescerOptions,
  ) {}

  submit(delivery: BatchDelivery): Promise<IngestSummary> {
    return this.submitAll([delivery]).then((s) => s[0]!);
  }

  /** Deliveries committed together, in one transaction (one summary each, in order). */
  submitAll(deliveries: BatchDelivery[]): Promise<IngestSummary[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ deliveries, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.opts.maxInFlight && this.waiting.length > 0) {
      const batch = this.takeBatch();
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private takeBatch(): Pending[] {
    let alerts = 0;
    let n = 0;
    while (n < this.waiting.length) {
      const size = this.waiting[n]!.deliveries.reduce((sum, d) => sum + d.alerts.length, 0);
      if (n > 0 && alerts + size > this.opts.maxAlertsPerBatch) break;
      alerts += size;
      n += 1;
    }
    return this.waiting.splice(0, n);
  }

  private async run(batch: Pending[]): Promise<void> {
    try {
      const summaries = await commitBatch(this.ctx, knownDeliveries(batch.flatMap((p) => p.deliveries)));
      let at = 0;
      for (const p of batch) {
        p.resolve(summaries.slice(at, at + p.deliveries.length));
        at += p.deliveries.length;
      }
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
      this.ctx.logger.warn({ err: (err as Error).message, deliveries: batch.length }, 'ingest batch failed; retrying its deliveries one by one');
      await Promise.all(
        batch.map((p) =>
          commitBatch(this.ctx, knownDeliveries(p.deliveries)).then(
            (summaries) => p.resolve(summaries),
            (e: unknown) => p.reject(e),
          ),
        ),
      );
    }
  }
}
