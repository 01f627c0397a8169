import type { Interval } from '../schedule/schedule';
import { MAX_WINDOWS, type ReadinessWindow } from './readiness-finding';

const MINUTE = 60_000;

/** Adjacent or overlapping intervals (in order) joined; each with its length in whole minutes (rounded up). */
export function toWindows(intervals: readonly Interval[]): { windows: ReadinessWindow[]; totalMinutes: number; count: number } {
  const merged: Interval[] = [];
  for (const i of intervals) {
    const last = merged.at(-1);
    if (last && Date.parse(i.start) <= Date.parse(last.end)) {
      if (Date.parse(i.end) > Date.parse(last.end)) last.end = i.end;
    } else merged.push({ start: i.start, end: i.end });
  }
  const all = merged.map((m) => ({ start: m.start, end: m.end, minutes: Math.ceil((Date.parse(m.end) - Date.parse(m.start)) / MINUTE) }));
  return { windows: all.slice(0, MAX_WINDOWS), totalMinutes: all.reduce((sum, w) => sum + w.minutes, 0), count: all.length };
}

/** "45 min", "3 h 30 min", "2 d 4 h" */
export function describeMinutes(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return `${m} min`;
}

/** "Mon 14 Dec 22:00 (Europe/Berlin)": an instant as the people of that zone read it. */
export function describeInstant(iso: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
  return `${text.replace(',', '')} (${timeZone})`;
}

/** "the first from Mon 14 Dec 22:00 (UTC) for 9 h; 14 in all, 5 d 6 h" */
export function describeWindows(windows: readonly ReadinessWindow[], totalMinutes: number, count: number, timeZone: string): string {
  const first = windows[0];
  if (!first) return '';
  if (count === 1) return `from ${describeInstant(first.start, timeZone)} for ${describeMinutes(first.minutes)}`;
  return `${count} times, ${describeMinutes(totalMinutes)} in all; the first from ${describeInstant(first.start, timeZone)} for ${describeMinutes(first.minutes)}`;
}
