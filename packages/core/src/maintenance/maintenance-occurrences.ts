import { parseClockTime, type TimeWindow } from '../schedule/restriction-windows';
import { WEEKDAYS } from '../schedule/schedule';
import { TimeZone } from '../schedule/time-zone';
import type { MaintenanceRecurrence, MaintenanceWindowSpec } from './maintenance-window';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The stretches a window covers that overlap [from, to), sorted, merged where
 * they overlap or touch, clipped to the window's own [start, end) (not to
 * [from, to)).
 *
 * A recurring window's occurrence starts at `startTime` on the wall clock of
 * each listed weekday in its zone; its end is `endTime` on the wall clock
 * (the next day when at or before the start) or the start plus
 * `durationMinutes` of exact elapsed time. Wall-clock times become instants
 * with the schedules' rule (time-zone.ts `instantOf`, docs/schedules.md "DST"):
 * a time in the spring-forward gap moves past the gap by as much as it was
 * into it (Berlin 02:30 -> 03:30 CEST), an ambiguous autumn time is its first
 * occurrence (Berlin 02:30 -> 02:30 CEST). So a Sunday 02:30-04:00 window
 * lasts 30 minutes on the spring day and 2 h 30 on the autumn day; one whose
 * start and end both fall on the same instant there (02:30-03:30 on the spring
 * day) has zero length and is skipped, like a schedule restriction.
 */
export function maintenanceOccurrences(w: Pick<MaintenanceWindowSpec, 'start' | 'end' | 'recurrence'>, from: number, to: number): TimeWindow[] {
  const lo = Math.max(from, w.start);
  const hi = w.end === null ? to : Math.min(to, w.end);
  if (hi <= lo) return [];
  if (!w.recurrence) return [{ start: w.start, end: w.end ?? Number.MAX_SAFE_INTEGER }];
  const raw = recurrenceOccurrences(w.recurrence, lo, hi);
  const clipped = raw
    .map((o) => ({ start: Math.max(o.start, w.start), end: w.end === null ? o.end : Math.min(o.end, w.end) }))
    .filter((o) => o.end > o.start);
  return merge(clipped);
}

/** The stretch of the window's coverage that contains instant `t`, or null when `t` is outside it. */
export function maintenanceCoverageAt(w: Pick<MaintenanceWindowSpec, 'start' | 'end' | 'recurrence'>, t: number): TimeWindow | null {
  return maintenanceOccurrences(w, t, t + 1).find((o) => o.start <= t && t < o.end) ?? null;
}

/** The recurrence's occurrences (unclipped) that overlap [from, to). */
function recurrenceOccurrences(r: MaintenanceRecurrence, from: number, to: number): TimeWindow[] {
  const zone = TimeZone.of(r.timeZone);
  const startMinute = parseClockTime(r.startTime);
  if (startMinute === null) throw new RangeError(`Invalid recurrence startTime ${r.startTime}`);
  const endMinute = r.endTime !== undefined ? parseClockTime(r.endTime) : null;
  const lengthDays = r.durationMinutes !== undefined ? Math.ceil(r.durationMinutes / 1440) : 1;
  // wall-clock days whose occurrence may overlap the range: those starting up to lengthDays before it
  const firstDay = Math.floor(zone.wallAt(from) / DAY) - lengthDays - 1;
  const lastDay = Math.floor(zone.wallAt(to) / DAY) + 1;
  const days = new Set(r.weekdays.map((d) => WEEKDAYS.indexOf(d)));
  const out: TimeWindow[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    // 1970-01-01 (day 0) was a Thursday: Monday-first index 3
    if (!days.has((((day + 3) % 7) + 7) % 7)) continue;
    const startWall = day * DAY + startMinute * MINUTE;
    const start = zone.instantOf(startWall);
    let end: number;
    if (r.durationMinutes !== undefined) {
      end = start + r.durationMinutes * MINUTE;
    } else {
      if (endMinute === null) throw new RangeError(`Invalid recurrence endTime ${String(r.endTime)}`);
      const endWall = day * DAY + endMinute * MINUTE + (endMinute <= startMinute ? DAY : 0);
      end = zone.instantOf(endWall);
    }
    if (end > start && end > from && start < to) out.push({ start, end });
  }
  return out;
}

function merge(ws: TimeWindow[]): TimeWindow[] {
  const sorted = [...ws].sort((a, b) => a.start - b.start);
  const out: TimeWindow[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else out.push({ ...w });
  }
  return out;
}
