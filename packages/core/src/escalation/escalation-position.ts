import type { EscalationPolicy, EscalationStep } from './escalation-policy';
import { urgencyRules, type Urgency } from './urgency';

/**
 * Where an escalation is: `step` indexes the policy's steps (0-based), `cycle`
 * counts passes over them since the incident's escalation began (0-based, never
 * reset). Together with the incident they name one page per person: a person is
 * paged at most once per (incident, cycle, step).
 */
export interface EscalationPosition {
  cycle: number;
  step: number;
}

/**
 * One run of a policy: the policy as snapshotted when the escalation began, the
 * incident's urgency, and the cycle the run began at. A run begins at cycle 0;
 * an acknowledgement that times out, or a manual move back to an earlier step,
 * begins a new run at a later cycle, so its pages are new (cycle, step) pairs
 * and its `repeat` passes are counted afresh.
 */
export interface EscalationRun {
  policy: EscalationPolicy;
  urgency: Urgency;
  baseCycle: number;
}

/** Steps a run may page: every step, or only the first at low urgency. */
export function runStepCount(run: EscalationRun): number {
  return urgencyRules(run.urgency).escalates ? run.policy.steps.length : Math.min(1, run.policy.steps.length);
}

/** Passes over the steps a run makes: repeat + 1, or 1 at low urgency. */
export function runPassCount(run: EscalationRun): number {
  return urgencyRules(run.urgency).repeats ? run.policy.repeat + 1 : 1;
}

/** 0-based pass of a cycle within its run. */
export function passOf(run: EscalationRun, cycle: number): number {
  return cycle - run.baseCycle;
}

/** Whether the run may be at this position (a step it may page, within its passes). */
export function isRunPosition(run: EscalationRun, pos: EscalationPosition): boolean {
  const pass = passOf(run, pos.cycle);
  return Number.isInteger(pos.step) && pos.step >= 0 && pos.step < runStepCount(run) && Number.isInteger(pass) && pass >= 0 && pass < runPassCount(run);
}

/** The step after `pos`: the next one, the first of the next pass, or null when the run is over. */
export function nextPosition(run: EscalationRun, pos: EscalationPosition): EscalationPosition | null {
  if (pos.step + 1 < runStepCount(run)) return { cycle: pos.cycle, step: pos.step + 1 };
  if (passOf(run, pos.cycle) + 1 < runPassCount(run)) return { cycle: pos.cycle + 1, step: 0 };
  return null;
}

export function stepAt(run: EscalationRun, pos: EscalationPosition): EscalationStep {
  const step = run.policy.steps[pos.step];
  if (!step || !isRunPosition(run, pos)) {
    throw new RangeError(`Escalation position cycle ${pos.cycle} step ${pos.step} is outside the run (base cycle ${run.baseCycle})`);
  }
  return step;
}
