import { runStepCount, type EscalationPosition, type EscalationRun } from './escalation-position';

/** Where an escalation stands, as stored: `active` = (cycle, step) is due next; otherwise the last step entered. */
export interface EscalationState {
  cycle: number;
  step: number;
  status: 'active' | 'acknowledged' | 'stopped' | 'exhausted';
}

export type ManualMove =
  | { ok: true; position: EscalationPosition; baseCycle: number }
  /** `field`: the request field at fault (a 400); otherwise the state does not allow it (a 409) */
  | { ok: false; reason: string; field?: 'toStep' };

/**
 * Where "escalate now" (`POST /incidents/{id}/escalate`) moves an escalation:
 * - without `toStep`: the step due next, entered now (no waiting for its delay);
 * - to a step at or after the one due next: that step of the same pass, now;
 * - to an earlier step (or after the run is exhausted): that step in a new
 *   cycle, so the people of that step are paged again (a page is once per
 *   cycle and step); the run's base moves with it, so the passes left stay the same.
 * `toStep` is 0-based. Stopped (acknowledged, resolved) escalations don't move.
 */
export function manualEscalationTarget(run: EscalationRun, state: EscalationState, toStep?: number): ManualMove {
  if (state.status === 'stopped' || state.status === 'acknowledged') return { ok: false, reason: 'the escalation is stopped' };
  const steps = run.policy.steps.length;
  if (toStep !== undefined) {
    if (!Number.isInteger(toStep) || toStep < 0 || toStep >= steps) {
      return { ok: false, field: 'toStep', reason: `must be a step of the policy, 1 to ${steps}` };
    }
    if (toStep >= runStepCount(run)) return { ok: false, field: 'toStep', reason: 'must be 1: a low-urgency incident pages the first step only' };
  }
  if (state.status === 'active') {
    if (toStep === undefined || toStep >= state.step) return { ok: true, position: { cycle: state.cycle, step: toStep ?? state.step }, baseCycle: run.baseCycle };
    return { ok: true, position: { cycle: state.cycle + 1, step: toStep }, baseCycle: run.baseCycle + 1 };
  }
  if (toStep === undefined) return { ok: false, reason: 'the escalation is exhausted (every step has run): name toStep to page a step again' };
  return { ok: true, position: { cycle: state.cycle + 1, step: toStep }, baseCycle: run.baseCycle + 1 };
}
