import type { EscalationJobRef } from '@heinrich/core/escalation/escalation-job-id';
import type { DueStep, EscalationScheduler } from './escalation-scheduler';

/** What an engine transaction leaves to do after it commits, and what it did (for metrics and logs). */
export interface EngineEffects {
  /** delayed jobs to add */
  schedule: DueStep[];
  /** jobs of steps no longer due, to remove best effort */
  cancel: EscalationJobRef[];
  /** outbox rows written (e.g. incident.retriggered), to publish */
  outboxIds: string[];
  /** notifications written (people paged) */
  pagesCreated: number;
  /** steps entered that paged somebody / resolved to nobody and were skipped */
  stepsPaged: number;
  stepsSkipped: number;
  /** the team's leads were paged because every step found nobody (or there were no leads) */
  fallbacks: number;
  /** an incident opened on a service without a (usable) escalation policy: nobody paged */
  unrouted: number;
  /** storm mode: this incident started a storm / was held by one (not escalated) */
  stormsStarted: number;
  heldByStorm: number;
  /** maintenance windows: this incident was held by one (not escalated) / released to page when it ended */
  heldByMaintenance?: number;
  releasedByMaintenance?: number;
}

export function noEffects(): EngineEffects {
  return { schedule: [], cancel: [], outboxIds: [], pagesCreated: 0, stepsPaged: 0, stepsSkipped: 0, fallbacks: 0, unrouted: 0, stormsStarted: 0, heldByStorm: 0 };
}

export function mergeEffects(a: EngineEffects, b: EngineEffects): EngineEffects {
  return {
    schedule: [...a.schedule, ...b.schedule],
    cancel: [...a.cancel, ...b.cancel],
    outboxIds: [...a.outboxIds, ...b.outboxIds],
    pagesCreated: a.pagesCreated + b.pagesCreated,
    stepsPaged: a.stepsPaged + b.stepsPaged,
    stepsSkipped: a.stepsSkipped + b.stepsSkipped,
    fallbacks: a.fallbacks + b.fallbacks,
    unrouted: a.unrouted + b.unrouted,
    stormsStarted: a.stormsStarted + b.stormsStarted,
    heldByStorm: a.heldByStorm + b.heldByStorm,
    heldByMaintenance: (a.heldByMaintenance ?? 0) + (b.heldByMaintenance ?? 0),
    releasedByMaintenance: (a.releasedByMaintenance ?? 0) + (b.releasedByMaintenance ?? 0),
  };
}

/** After commit: jobs added and removed (best effort), outbox rows published. */
export async function applyEffects(
  effects: EngineEffects,
  deps: { scheduler?: EscalationScheduler; publish(outboxIds: string[]): Promise<unknown> },
): Promise<void> {
  await Promise.all([
    deps.scheduler?.cancel(effects.cancel),
    deps.scheduler?.schedule(effects.schedule),
    effects.outboxIds.length > 0 ? deps.publish(effects.outboxIds) : undefined,
  ]);
}
