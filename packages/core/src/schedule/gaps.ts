import type { InstantInput, Interval, Schedule, ScheduleOverride } from './schedule';
import { shifts } from './shifts';

/**
 * The stretches of [from, to) with nobody on call (no override, no layer with
 * someone), merged and in order: the `users: []` intervals of `shifts`.
 */
export function gaps(schedule: Schedule, overrides: readonly ScheduleOverride[], from: InstantInput, to: InstantInput): Interval[] {
  return shifts(schedule, overrides, from, to)
    .shifts.filter((s) => s.users.length === 0)
    .map(({ start, end }) => ({ start, end }));
}
