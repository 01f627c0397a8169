import type { Restriction } from './schedule';
import { WEEKDAYS } from './schedule';
import type { TimeZone } from './time-zone';

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** A restriction as minutes: of the day (daily) or of the Monday-first week (weekly). */
export interface CompiledRestriction {
  weekly: boolean;
  startMinute: number;
  endMinute: number;
}

/** [start, end) in epoch ms. */
export interface TimeWindow {
  start: number;
  end: number;
}

/** `HH:MM` (00:00-23:59) -> minutes since midnight, or null. */
export function parseClockTime(text: unknown): number | null {
  if (typeof text !== 'string' || !/^\d\d:\d\d$/.test(text)) return null;
  const h = Number(text.slice(0, 2));
  const m = Number(text.slice(3, 5));
  return h <= 23 && m <= 59 ? h * 60 + m : null;
}

/** Minutes of the restriction's start and end, or null where a part is malformed (see validation). */
export function compileRestriction(r: Restriction): CompiledRestriction | null {
  if (r.type === 'daily') {
    const startMinute = parseClockTime(r.start);
    const endMinute = parseClockTime(r.end);
    if (startMinute === null || endMinute === null) return null;
    return { weekly: false, startMinute, endMinute };
  }
  if (r.type === 'weekly') {
    const startMinute = weekMinute(r.start);
    const endMinute = weekMinute(r.end);
    if (startMinute === null || endMinute === null) return null;
    return { weekly: true, startMinute, endMinute };
  }
  return null;
}

function weekMinute(at: unknown): number | null {
  if (typeof at !== 'object' || at === null) return null;
  const { weekday, time } = at as { weekday?: unknown; time?: unknown };
  const day = WEEKDAYS.indexOf(weekday as (typeof WEEKDAYS)[number]);
  const minute = parseClockTime(time);
  return day < 0 || minute === null ? null : day * 1440 + minute;
}

/**
 * The union of the restrictions' windows that overlap [from, to), sorted, merged
 * where they overlap or touch, NOT clipped to [from, to).
 *
 * Each occurrence is laid on the wall clock of its own day (daily) or Monday-first
 * week (weekly) in `zone`, its end pushed a day / week later when it is at or
 * before its start (22:00-06:00, friday 17:00 - monday 09:00), and both ends are
 * turned into instants with the "compatible" rule (time-zone.ts): a window edge in
 * a spring gap moves past the gap (02:30 -> 03:30), an ambiguous edge is its first
 * occurrence. So 22:00-06:00 lasts 7 h on a spring night and 9 h on an autumn
 * night, and an occurrence the gap swallows whole (02:00-03:00 on the Berlin
 * spring day) has zero length and is dropped.
 *
 * Whether an instant is inside is answered by this same function over a 1 ms
 * range, so point lookups and timelines agree by construction.
 */
export function restrictionWindows(
  restrictions: readonly CompiledRestriction[],
  zone: TimeZone,
  from: number,
  to: number,
): TimeWindow[] {
  // wall-clock day numbers around the range; occurrences outside are filtered below
  const firstDay = Math.floor(zone.wallAt(from) / DAY);
  const lastDay = Math.floor(zone.wallAt(to) / DAY);
  const windows: TimeWindow[] = [];
  for (const r of restrictions) {
    if (r.weekly) {
      // 1970-01-01 (day 0) was a Thursday: Monday-first weekday = (day + 3) mod 7
      const firstMonday = firstDay - mod(firstDay + 3, 7) - 14;
      for (let monday = firstMonday; monday <= lastDay + 1; monday += 7) {
        const base = monday * DAY;
        const endWall = base + r.endMinute * MINUTE + (r.endMinute <= r.startMinute ? WEEK : 0);
        push(windows, zone, base + r.startMinute * MINUTE, endWall, from, to);
      }
    } else {
      for (let day = firstDay - 2; day <= lastDay + 1; day++) {
        const base = day * DAY;
        const endWall = base + r.endMinute * MINUTE + (r.endMinute <= r.startMinute ? DAY : 0);
        push(windows, zone, base + r.startMinute * MINUTE, endWall, from, to);
      }
    }
  }
  if (restrictions.length > 1) windows.sort((a, b) => a.start - b.start);
  const merged: TimeWindow[] = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else merged.push(w);
  }
  return merged;
}

function push(windows: TimeWindow[], zone: TimeZone, startWall: number, endWall: number, from: number, to: number): void {
  const start = zone.instantOf(startWall);
  const end = zone.instantOf(endWall);
  if (end > start && end > from && start < to) windows.push({ start, end });
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
