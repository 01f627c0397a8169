import type { Logger } from '@heinrich/config/logger';
import { decideEscalation, decisionPages } from '@heinrich/core/escalation/decide-escalation';
import { describeEscalationDecision } from '@heinrich/core/escalation/describe-escalation';
import { runStepCount, type EscalationPosition, type EscalationRun } from '@heinrich/core/escalation/escalation-position';
import { urgencyRules } from '@heinrich/core/escalation/urgency';
import { loadTargetData } from '@heinrich/db/escalation/load-target-data';
import { writeEscalationDecision } from '@heinrich/db/escalation/write-escalation-decision';
import type pg from 'pg';
import { noEffects, type EngineEffects } from './engine-effects';
import { targetNames, targetResolver } from './target-resolver';

/** Who the engine's timeline entries name as their actor. */
export const ENGINE_ACTOR = 'system';

export interface AdvanceInput {
  incidentId: string;
  run: EscalationRun;
  /** the step to enter now */
  from: EscalationPosition;
  generation: number;
  now: Date;
  logger: Logger;
}

/**
 * Enters the step at `from` now, in the caller's transaction (which holds the
 * escalation's locks): resolves the targets with the one on-call resolver at
 * `now`, skips steps that resolve to nobody at once, falls back to the team's
 * leads when a full pass finds nobody; writes the pages (notifications, ON
 * CONFLICT DO NOTHING), a timeline entry per decision with its reasons, and the
 * escalation's new state, in one statement. Returns the next step to schedule after commit.
 */
export async function advanceEscalation(client: pg.PoolClient, input: AdvanceInput): Promise<EngineEffects> {
  const { incidentId, run, now, generation } = input;
  const steps = run.policy.steps.slice(0, runStepCount(run));
  const targets = steps.flatMap((s) => s.targets);
  const data = await loadTargetData(client, {
    userIds: uniqueUuids(targets.filter((t) => t.type === 'user').map((t) => t.id)),
    scheduleIds: uniqueUuids(targets.filter((t) => t.type === 'schedule').map((t) => t.id)),
    teamId: run.policy.teamId,
    at: now,
  });
  const resolver = targetResolver(data, run.policy.teamId, (scheduleId, err) =>
    input.logger.error({ incidentId, scheduleId, err: (err as Error).message }, 'stored schedule cannot be resolved: treated as missing'),
  );
  const decision = decideEscalation(run, input.from, now, resolver);
  const entries = describeEscalationDecision(run, decision, targetNames(data));

  const allowVoice = urgencyRules(run.urgency).voice;
  const pages = decisionPages(decision);
  const last = decision.visits[decision.visits.length - 1]!.position;
  const position = decision.next?.position ?? last;
  const nextDueAt = decision.next ? new Date(decision.next.dueAt) : null;
  const written = await writeEscalationDecision(client, {
    incidentId,
    pages: pages.map(({ position: p, page }) => ({ userId: page.userId, cycle: p.cycle, step: p.step, reason: page.reasons, allowVoice })),
    events: entries.map((e) => ({ ...e, actor: ENGINE_ACTOR, via: null })),
    // channel targets: the Slack sync posts the incident there (and keeps the post true)
    slackChannels: decision.visits.flatMap((v) => v.targets.filter((t) => t.target.type === 'slackChannel').map((t) => t.target.id)),
    state: { baseCycle: run.baseCycle, cycle: position.cycle, step: position.step, generation, status: decision.next ? 'active' : 'exhausted', nextDueAt, at: now },
  });
  if (written < pages.length) {
    // only possible when a step is decided twice; the unique constraint kept it to one page each
    input.logger.warn({ incidentId, decided: pages.length, written }, 'escalation pages already existed');
  }
  const skipped = decision.visits.filter((v) => v.pages.length === 0).length;
  return {
    ...noEffects(),
    schedule: nextDueAt ? [{ ref: { incidentId, cycle: position.cycle, step: position.step, generation }, dueAt: nextDueAt }] : [],
    pagesCreated: written,
    stepsPaged: decision.visits.length - skipped,
    stepsSkipped: skipped,
    fallbacks: decision.fallback ? 1 : 0,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uniqueUuids(ids: string[]): string[] {
  return [...new Set(ids.filter((id) => UUID.test(id)))];
}
