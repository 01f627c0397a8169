import { findStaleOutbox } from '@heinrich/db/outbox/find-stale-outbox';
import { markEnqueued } from '@heinrich/db/outbox/mark-enqueued';
import { tryLockOutboxRelay } from '@heinrich/db/outbox/try-lock-outbox-relay';
import { withTransaction } from '@heinrich/db/with-transaction';
import { INCIDENT_EVENT_JOB, incidentEventJobId, type IncidentEventJob } from '@heinrich/jobs/queues';
import type { Queue } from 'bullmq';
import type { Context } from '../context';

/** Redis did not answer (down, restarting, timed out): the pass changed nothing and the rows wait for the next one. */
export class QueueUnavailableError extends Error {
  override name = 'QueueUnavailableError';
}

export interface RelayOptions {
  /** rows older than this (and not re-enqueued for this long) are examined */
  staleAfterMs: number;
  /** rows per pass, oldest first */
  limit?: number;
  /** how long the pass may wait on Redis; the Postgres transaction stays open meanwhile */
  redisTimeoutMs?: number;
}

export type RelayOutcome =
  /** another worker's relay holds the lock */
  | { status: 'busy' }
  | { status: 'redis-unavailable'; reason: string }
  | {
      status: 'done';
      /** stale rows looked at */
      examined: number;
      /** jobs that no longer existed (Redis flushed or restarted without persistence) and were added again */
      recreated: number;
      /** jobs that had failed every attempt (e.g. Postgres away for minutes) and were retried */
      retried: number;
    };

const DEFAULT_LIMIT = 500;
const DEFAULT_REDIS_TIMEOUT_MS = 2_000;

/**
 * The backup path of the outbox: makes sure every stale outbox row has a live
 * job. Single-flight across workers (advisory lock held for the pass's
 * transaction). For each row, by the job's state in Redis under the
 * deterministic id `outbox-<id>`:
 * - none (lost to a flush/restart, or never enqueued because Redis was down): added again;
 * - failed (attempts exhausted): retried with fresh attempts, since a kept failed
 *   job blocks its id and a plain add would be a no-op;
 * - waiting/delayed/active/completed: left alone (the handler's claim makes any
 *   duplicate harmless anyway).
 * Rows are then stamped enqueued_at. If Redis does not answer, the transaction
 * rolls back and nothing is stamped.
 */
export async function relayStaleOutbox(ctx: Context, queue: Queue, opts: RelayOptions): Promise<RelayOutcome> {
  const now = ctx.now();
  const olderThan = new Date(now.getTime() - opts.staleAfterMs);
  const timeoutMs = opts.redisTimeoutMs ?? DEFAULT_REDIS_TIMEOUT_MS;
  try {
    return await withTransaction<RelayOutcome>(ctx.db.pool, async (client) => {
      if (!(await tryLockOutboxRelay(client))) return { status: 'busy' };
      const rows = await findStaleOutbox(client, { olderThan, limit: opts.limit ?? DEFAULT_LIMIT });
      if (rows.length === 0) return { status: 'done', examined: 0, recreated: 0, retried: 0 };
      const { recreated, retried } = await withTimeout(ensureJobs(queue, rows.map((r) => r.id)), timeoutMs);
      await markEnqueued(client, rows.map((r) => r.id), now);
      return { status: 'done', examined: rows.length, recreated, retried };
    });
  } catch (err) {
    if (err instanceof QueueUnavailableError) return { status: 'redis-unavailable', reason: err.message };
    throw err;
  }
}

async function ensureJobs(queue: Queue, outboxIds: string[]): Promise<{ recreated: number; retried: number }> {
  try {
    // one round trip each, sent together on the one connection
    const states = await Promise.all(outboxIds.map((id) => queue.getJobState(incidentEventJobId(id))));
    const missing = outboxIds.filter((_, i) => states[i] === 'unknown');
    const failed = outboxIds.filter((_, i) => states[i] === 'failed');
    if (missing.length > 0) {
      await queue.addBulk(
        missing.map((outboxId) => ({
          name: INCIDENT_EVENT_JOB,
          data: { outboxId } satisfies IncidentEventJob,
          opts: { jobId: incidentEventJobId(outboxId) },
        })),
      );
    }
    let retried = 0;
    for (const outboxId of failed) {
      const job = await queue.getJob(incidentEventJobId(outboxId));
      // gone or moved on since we looked: the next pass sees its new state
      if (!job || (await job.getState()) !== 'failed') continue;
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      retried++;
    }
    return { recreated: missing.length, retried };
  } catch (err) {
    throw new QueueUnavailableError(`Redis error: ${(err as Error).message}`);
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new QueueUnavailableError(`Redis did not answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
