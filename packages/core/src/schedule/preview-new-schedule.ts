import { parseInstant } from './parse-instant';
import type { SchedulePreview } from './preview-change';
import type { Interval, Schedule } from './schedule';
import { shifts } from './shifts';

const HOUR = 3_600_000;

/**
 * The preview of a schedule that does not exist yet (the create form's), in
 * the shape of an edit's (previewChange) measured against no schedule: before
 * it, nobody is on call by it, so every hour is gained, `newGaps` lists every
 * stretch of [from, to) with nobody on call, and `changes` every stretch with
 * someone. Same resolver as everything else (shifts); throws as it does.
 */
export function previewNewSchedule(schedule: Schedule, from: Date, to: Date): SchedulePreview {
  const result = shifts(schedule, [], from, to);
  const ms = new Map<string, number>();
  const newGaps: Interval[] = [];
  const changes: SchedulePreview['changes'] = [];
  let gap = 0;
  for (const s of result.shifts) {
    const span = (parseInstant(s.end) as number) - (parseInstant(s.start) as number);
    if (s.users.length === 0) {
      gap += span;
      newGaps.push({ start: s.start, end: s.end });
      continue;
    }
    for (const u of s.users) ms.set(u, (ms.get(u) ?? 0) + span);
    changes.push({ start: s.start, end: s.end, before: [], after: s.users });
  }
  const total = to.getTime() - from.getTime();
  const users = [...ms.entries()]
    .sort(([u], [v]) => (u < v ? -1 : u > v ? 1 : 0))
    .map(([userId, m]) => ({ userId, hoursBefore: 0, hoursAfter: m / HOUR, hoursDelta: m / HOUR }));
  return { from: result.from, to: result.to, users, gapHoursBefore: total / HOUR, gapHoursAfter: gap / HOUR, newGaps, closedGaps: [], changes };
}
