import { gapsAcrossRevisions } from '../schedule/revisions';
import type { ReadinessFinding } from './readiness-finding';
import type { ReadinessPolicy, ReadinessSchedule } from './readiness-input';
import { describeWindows, toWindows } from './readiness-windows';

/**
 * Coverage gaps within [from, to) of every schedule that some policy step
 * targets, even when the step has other targets that cover the gap (the step
 * finding says whether the step itself pages nobody). One finding per
 * schedule, listing its gaps. Gaps come from THE resolver (gapsAcrossRevisions,
 * the same as the schedule's gaps endpoint and preview).
 */
export function scheduleGapFindings(schedules: readonly ReadinessSchedule[], policies: readonly ReadinessPolicy[], from: Date, to: Date): ReadinessFinding[] {
  const targeted = new Set(policies.flatMap((p) => p.steps.flatMap((s) => s.targets.filter((t) => t.type === 'schedule').map((t) => t.id))));
  const findings: ReadinessFinding[] = [];
  for (const schedule of schedules) {
    if (!targeted.has(schedule.id) || schedule.revisions.length === 0) continue;
    const { windows, totalMinutes, count } = toWindows(gapsAcrossRevisions(schedule.revisions, schedule.overrides, from, to));
    if (count === 0) continue;
    const zone = schedule.revisions.at(-1)?.schedule.timeZone ?? 'UTC';
    findings.push({
      key: `schedule_gap:${schedule.id}`,
      kind: 'schedule_gap',
      severity: 'warning',
      object: { type: 'schedule', id: schedule.id, name: schedule.name },
      teamId: schedule.teamId,
      message: `Schedule ${schedule.name} has nobody on call ${describeWindows(windows, totalMinutes, count, zone)}`,
      link: `/schedules/${schedule.id}`,
      windows,
      totalMinutes,
    });
  }
  return findings;
}
