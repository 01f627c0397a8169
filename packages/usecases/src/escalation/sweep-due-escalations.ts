import { tryLockEscalationSweeper, unlockEscalationSweeper } from '@heinrich/db/escalation/escalation-sweeper-lock';
import { findDueEscalations } from '@heinrich/db/escalation/find-due-escalations';
import type { Context } from '../context';
import { mergeEffects, noEffects, type EngineEffects } from './engine-effects';
import type { EscalationScheduler } from './escalation-scheduler';
import { runEscalationStep } from './run-escalation-step';

export interface SweepOptions {
  /**
   * Only steps due at least this long ago: a step's own job fires on time and
   * the sweeper takes what a lost, failed or late job missed. 0 runs all due
   * work (tests that move the clock).
   */
  graceMs: number;
  /** rows per batch; batches follow each other until one comes back short */
  batchSize?: number;
  maxBatches?: number;
  /** steps run at once (each in its own transaction on the pool) */
  concurrency?: number;
  scheduler?: EscalationScheduler;
}

export type SweepOutcome =
  /** another worker's sweeper holds the lock */
  | { status: 'busy' }
  | { status: 'done'; found: number; ran: number; failed: number; effects: EngineEffects; lateMs: number[] };

/**
 * The engine's backstop, independent of Redis: finds escalations whose step
 * (or acknowledgement timeout) is due and runs them with the same claim as a
 * job (runEscalationStep; rows another transaction holds are skipped). At most
 * one sweep at a time across all workers: a session-level advisory lock, held
 * on one pooled connection for the whole sweep. Whatever it runs, the job of
 * that step later finds nothing to claim.
 */
export async function sweepDueEscalations(ctx: Context, opts: SweepOptions): Promise<SweepOutcome> {
  const batchSize = opts.batchSize ?? 500;
  const maxBatches = opts.maxBatches ?? 20;
  const concurrency = opts.concurrency ?? 4;
  const client = await ctx.db.pool.connect();
  let broken = false;
  try {
    if (!(await tryLockEscalationSweeper(client))) return { status: 'busy' };
    try {
      let found = 0;
      let ran = 0;
      let failed = 0;
      let effects = noEffects();
      const lateMs: number[] = [];
      for (let batch = 0; batch < maxBatches; batch++) {
        const dueBy = new Date(ctx.now().getTime() - opts.graceMs);
        const due = await findDueEscalations(client, { dueBy, limit: batchSize });
        found += due.length;
        let next = 0;
        const worker = async () => {
          for (let i = next++; i < due.length; i = next++) {
            const row = due[i]!;
            // one escalation that fails (a bug, bad data) must not hold up the others
            const outcome = await runEscalationStep(ctx, row, { scheduler: opts.scheduler, skipLocked: true }).catch((err: unknown) => {
              failed++;
              ctx.logger.error({ err, incidentId: row.incidentId, cycle: row.cycle, step: row.step }, 'escalation sweeper: step failed');
              return undefined;
            });
            if (!outcome) continue;
            if (outcome.status === 'done') {
              ran++;
              effects = mergeEffects(effects, { ...outcome.effects, schedule: [], cancel: [], outboxIds: [] });
              lateMs.push(outcome.lateMs);
            }
          }
        };
        await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
        if (due.length < batchSize) break;
      }
      return { status: 'done', found, ran, failed, effects, lateMs };
    } finally {
      await unlockEscalationSweeper(client).catch(() => {
        broken = true;
      });
    }
  } catch (err) {
    broken = true;
    throw err;
  } finally {
    client.release(broken);
  }
}
