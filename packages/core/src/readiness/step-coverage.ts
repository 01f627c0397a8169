import type { EscalationStep } from '../escalation/escalation-policy';
import { resolveStepTargets, type TargetResolver } from '../escalation/resolve-step-targets';
import { onCallAtRevisions, shiftsAcrossRevisions } from '../schedule/revisions';
import type { Interval } from '../schedule/schedule';
import type { ReadinessSchedule } from './readiness-input';

/** What one escalation step does over [from, to): when it pages nobody, and who it would page at some point. */
export interface StepCoverage {
  /** the stretches where resolving the step's targets pages nobody, in order */
  empty: Interval[];
  /** everyone the step pages at some instant of the range, in first-paged order */
  reached: string[];
}

/**
 * Resolves the step's targets (resolveStepTargets, as the engine does when the
 * step is entered) at the start of every stretch where none of its schedules
 * changes hands: between two consecutive shift boundaries of its schedules the
 * answer cannot change. A step of Slack channels only pages no person by design
 * (it posts the incident and is skipped): it has no coverage to check, and
 * returns null.
 */
export function stepCoverage(
  step: EscalationStep,
  schedules: ReadonlyMap<string, ReadinessSchedule>,
  userExists: (id: string) => boolean,
  from: Date,
  to: Date,
): StepCoverage | null {
  if (!step.targets.some((t) => t.type !== 'slackChannel')) return null;
  const boundaries = new Set<number>([from.getTime()]);
  for (const target of step.targets) {
    const schedule = target.type === 'schedule' ? schedules.get(target.id) : undefined;
    if (!schedule || schedule.revisions.length === 0) continue;
    for (const shift of shiftsAcrossRevisions(schedule.revisions, schedule.overrides, from, to).shifts) boundaries.add(Date.parse(shift.start));
  }
  const resolver: TargetResolver = {
    scheduleOnCall(id, at) {
      const s = schedules.get(id);
      return s && s.revisions.length > 0 ? onCallAtRevisions(s.revisions, s.overrides, at) : null;
    },
    userExists,
    teamLeads: () => [],
  };
  const points = [...boundaries].filter((t) => t < to.getTime()).sort((a, b) => a - b);
  const empty: Interval[] = [];
  const reached = new Set<string>();
  points.forEach((t, i) => {
    const { pages } = resolveStepTargets(step, new Date(t), resolver);
    for (const p of pages) reached.add(p.userId);
    if (pages.length > 0) return;
    const end = points[i + 1] ?? to.getTime();
    const last = empty.at(-1);
    if (last && Date.parse(last.end) === t) last.end = new Date(end).toISOString();
    else empty.push({ start: new Date(t).toISOString(), end: new Date(end).toISOString() });
  });
  return { empty, reached: [...reached] };
}
