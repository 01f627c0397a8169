import { AppError } from '../app-error';
import { compileSchedule, instantArgument } from './compile-schedule';
import { formatInstant, parseInstant } from './parse-instant';
import type { InstantInput, Interval, ScheduleShift, ScheduleVersion } from './schedule';
import { shiftsCompiled } from './shifts';

const HOUR = 3_600_000;

export interface UserHoursChange {
  userId: string;
  /** hours on call in [from, to) (final schedule, overrides included) */
  hoursBefore: number;
  hoursAfter: number;
  /** after - before: positive = gained */
  hoursDelta: number;
}

export interface OnCallChange extends Interval {
  before: string[];
  after: string[];
}

export interface SchedulePreview {
  from: string;
  to: string;
  /** everyone on call in either version, by userId */
  users: UserHoursChange[];
  gapHoursBefore: number;
  gapHoursAfter: number;
  /** nobody on call after the change where somebody was before */
  newGaps: Interval[];
  /** somebody on call after the change where nobody was before */
  closedGaps: Interval[];
  /** every stretch where who is on call differs, merged, in order */
  changes: OnCallChange[];
}

/**
 * How the final schedule of [from, to) changes from `before` to `after` (the
 * preview of an edit), computed by the same resolver as everything else
 * (shifts), so the UI never recomputes. Hours are exact (ms / 3,600,000), not
 * rounded. Throws AppError('validation_failed') as `shifts` does; problems in
 * `after` are reported under `after.`.
 */
export function previewChange(before: ScheduleVersion, after: ScheduleVersion, from: InstantInput, to: InstantInput): SchedulePreview {
  const f = instantArgument(from, 'from');
  const t = instantArgument(to, 'to');
  if (t <= f) throw new AppError('validation_failed', 'Invalid range: to must be after from', [{ path: 'to', message: 'must be after from' }]);
  const a = timeline(shiftsCompiled(compileVersion(before, 'before'), f, t).shifts);
  const b = timeline(shiftsCompiled(compileVersion(after, 'after'), f, t).shifts);

  const ms = new Map<string, { before: number; after: number }>();
  const add = (users: string[], span: number, which: 'before' | 'after') => {
    for (const u of users) {
      const entry = ms.get(u) ?? { before: 0, after: 0 };
      entry[which] += span;
      ms.set(u, entry);
    }
  };
  let gapBefore = 0;
  let gapAfter = 0;
  const newGaps: Interval[] = [];
  const closedGaps: Interval[] = [];
  const changes: OnCallChange[] = [];
  const extend = <T extends { start: string; end: string }>(list: T[], start: number, end: number, make: () => T, same: (last: T) => boolean) => {
    const last = list[list.length - 1];
    if (last && last.end === formatInstant(start) && same(last)) last.end = formatInstant(end);
    else list.push(make());
  };

  // walk both timelines over the union of their boundaries
  let i = 0;
  let j = 0;
  let at = f;
  while (at < t) {
    const x = a[i] as Span;
    const y = b[j] as Span;
    const end = Math.min(x.end, y.end);
    const span = end - at;
    add(x.users, span, 'before');
    add(y.users, span, 'after');
    if (x.users.length === 0) gapBefore += span;
    if (y.users.length === 0) gapAfter += span;
    const interval = () => ({ start: formatInstant(at), end: formatInstant(end) });
    if (x.users.length > 0 && y.users.length === 0) extend(newGaps, at, end, interval, () => true);
    if (x.users.length === 0 && y.users.length > 0) extend(closedGaps, at, end, interval, () => true);
    if (x.users.join('\u0000') !== y.users.join('\u0000')) {
      extend(
        changes,
        at,
        end,
        () => ({ ...interval(), before: x.users, after: y.users }),
        (last) => sameUsers(last.before, x.users) && sameUsers(last.after, y.users),
      );
    }
    at = end;
    if (x.end === end) i++;
    if (y.end === end) j++;
  }

  const users = [...ms.entries()]
    .sort(([u], [v]) => (u < v ? -1 : u > v ? 1 : 0))
    .map(([userId, m]) => ({ userId, hoursBefore: m.before / HOUR, hoursAfter: m.after / HOUR, hoursDelta: (m.after - m.before) / HOUR }));
  return { from: formatInstant(f), to: formatInstant(t), users, gapHoursBefore: gapBefore / HOUR, gapHoursAfter: gapAfter / HOUR, newGaps, closedGaps, changes };
}

interface Span {
  start: number;
  end: number;
  users: string[];
}

function timeline(list: ScheduleShift[]): Span[] {
  return list.map((s) => ({ start: parseInstant(s.start) as number, end: parseInstant(s.end) as number, users: s.users }));
}

function sameUsers(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((u, k) => u === b[k]);
}

function compileVersion(version: ScheduleVersion, path: string) {
  try {
    return compileSchedule(version.schedule, version.overrides);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const fields = error.fields.map((p) => ({ ...p, path: `${path}.${p.path}` }));
    throw new AppError('validation_failed', `Cannot preview: ${fields[0]?.path ?? path} ${fields[0]?.message ?? error.message}`, fields);
  }
}
