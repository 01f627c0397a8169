import { decideEscalation, type EscalationDecision } from './decide-escalation';
import type { EscalationPolicy } from './escalation-policy';
import type { EscalationPosition, EscalationRun } from './escalation-position';
import type { TargetResolver } from './resolve-step-targets';
import type { Urgency } from './urgency';

export interface EscalationPlan {
  urgency: Urgency;
  /** every decision the engine would make if nobody acknowledged, in time order */
  decisions: EscalationDecision[];
  /** when the last step runs; nothing is paged after it */
  exhaustedAt: string;
}

/**
 * The whole escalation of an incident opened at `start` that nobody
 * acknowledges: the same decisions, in the same order, the engine makes one at
 * a time (simulate/explain views call this). `resolver` answers for any
 * instant, so schedule handoffs between steps are seen as the engine would
 * see them. Finite: each decision moves at least one step forward.
 */
export function planEscalation(
  policy: EscalationPolicy,
  start: Date,
  resolver: TargetResolver,
  opts: { urgency?: Urgency; from?: EscalationPosition } = {},
): EscalationPlan {
  const run: EscalationRun = { policy, urgency: opts.urgency ?? 'high', baseCycle: 0 };
  const decisions: EscalationDecision[] = [];
  let position = opts.from ?? { cycle: 0, step: 0 };
  let at = start;
  for (;;) {
    const decision = decideEscalation(run, position, at, resolver);
    decisions.push(decision);
    if (!decision.next) return { urgency: run.urgency, decisions, exhaustedAt: decision.at };
    position = decision.next.position;
    at = new Date(decision.next.dueAt);
  }
}
