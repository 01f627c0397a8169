import type { EscalationJobRef } from '@heinrich/core/escalation/escalation-job-id';
import { lockEscalation } from '@heinrich/db/escalation/lock-escalation';
import { retriggerIncident } from '@heinrich/db/escalation/retrigger-incident';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import { withTransaction } from '@heinrich/db/with-transaction';
import type pg from 'pg';
import type { Context } from '../context';
import { advanceEscalation, ENGINE_ACTOR } from './advance-escalation';
import { applyEffects, type EngineEffects } from './engine-effects';
import type { EscalationScheduler } from './escalation-scheduler';
import { escalationRunOf } from './escalation-run-of';

/** A job may wake up this early (clocks of Redis and workers differ a little) and still run its step. */
const EARLY_TOLERANCE_MS = 1_000;

export type StepOutcome =
  | { status: 'done'; effects: EngineEffects; /** now minus the due time (the step's lateness) */ lateMs: number }
  /** woke up before the step is due (the clock moved back, or a job from a different clock): wait until dueAt */
  | { status: 'not-due'; dueAt: Date }
  /** nothing to do: no escalation, or it moved on (another generation, cycle or step): a duplicate or late job */
  | { status: 'stale' }
  /** the incident was acknowledged or resolved: its handler stops the escalation */
  | { status: 'incident-moved-on' }
  /** (sweeper) another transaction holds the row: whoever it is will do the step */
  | { status: 'busy' };

/**
 * The handler of an escalation wake-up (a BullMQ job, or the sweeper): in one
 * transaction, locks and re-reads the escalation and CLAIMS the step only if
 * the row still is at this (generation, cycle, step) with something due and
 * the incident still in the state the step expects; then enters the step (or,
 * for an acknowledgement timeout, triggers the incident again and starts over
 * in a new cycle). Anything else is a no-op, so duplicate and late jobs never
 * page anyone twice. Jobs for the next step are added after commit.
 */
export async function runEscalationStep(
  ctx: Context,
  ref: EscalationJobRef,
  opts: { scheduler?: EscalationScheduler; skipLocked?: boolean } = {},
): Promise<StepOutcome> {
  const now = ctx.now();
  const outcome = await withTransaction<StepOutcome>(ctx.db.pool, (client) => claimAndRunStep(client, ctx, ref, now, opts));
  if (outcome.status === 'done') {
    await applyEffects(outcome.effects, { scheduler: opts.scheduler, publish: (ids) => ctx.publisher.publish(ids) });
  }
  return outcome;
}

/** The claim and the step, in the caller's transaction. */
async function claimAndRunStep(client: pg.PoolClient, ctx: Context, ref: EscalationJobRef, now: Date, opts: { skipLocked?: boolean }): Promise<StepOutcome> {
  const row = await lockEscalation(client, ref.incidentId, { skipLocked: opts.skipLocked });
  if (!row) return opts.skipLocked ? { status: 'busy' } : { status: 'stale' };
  if (row.generation !== ref.generation || row.cycle !== ref.cycle || row.step !== ref.step || row.nextDueAt === null) return { status: 'stale' };
  if (row.nextDueAt.getTime() > now.getTime() + EARLY_TOLERANCE_MS) return { status: 'not-due', dueAt: row.nextDueAt };
  const lateMs = Math.max(0, now.getTime() - row.nextDueAt.getTime());
  const run = escalationRunOf(row);
  if (row.status === 'active') {
    if (row.incidentStatus !== 'triggered') return { status: 'incident-moved-on' };
    const effects = await advanceEscalation(client, { incidentId: ref.incidentId, run, from: ref, generation: ref.generation, now, logger: ctx.logger });
    return { status: 'done', effects, lateMs };
  }
  if (row.status === 'acknowledged') {
    if (row.incidentStatus !== 'acknowledged' || !(await retriggerIncident(client, ref.incidentId))) return { status: 'incident-moved-on' };
    const timeout = row.ackTimeoutMinutes !== null ? ` after ${row.ackTimeoutMinutes} minutes` : '';
    const outboxIds = await recordEvents(client, [
      {
        incidentId: ref.incidentId,
        type: 'retriggered',
        message: `Acknowledgement timed out${timeout} without a resolution: triggered again, escalating from step 1`,
        actor: ENGINE_ACTOR,
        via: null,
        topic: 'incident.retriggered',
      },
    ]);
    // a new run: fresh (cycle, step) pairs, so the first step's people are paged again
    const baseCycle = row.cycle + 1;
    const effects = await advanceEscalation(client, {
      incidentId: ref.incidentId,
      run: { ...run, baseCycle },
      from: { cycle: baseCycle, step: 0 },
      generation: row.generation + 1,
      now,
      logger: ctx.logger,
    });
    return { status: 'done', effects: { ...effects, outboxIds: [...effects.outboxIds, ...outboxIds] }, lateMs };
  }
  return { status: 'stale' };
}
