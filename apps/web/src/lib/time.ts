// The one time module of the UI: reading and writing wall clocks in an explicit
// IANA zone, and the formats people see.
//
// Two zones meet on a page: the viewer's (the browser's; every time shown, the
// datetime-local inputs) and a schedule's (handoff times, restriction windows).
// So nothing here uses the machine's zone implicitly: every function takes the
// zone (default: the viewer's), which also keeps the tests exact. The zone maths
// is core's (packages/core/src/schedule/time-zone.ts: the server's resolver), so
// a wall clock typed here names the same instant the api reads from it (DST: a
// time in the spring-forward gap moves past it, an ambiguous autumn time is its
// first occurrence; docs/schedules.md).
import { TimeZone } from '@heinrich/core/schedule/time-zone';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** monday ... sunday */
  weekday: Weekday;
}

/** The browser's zone: where the viewer reads times (named once on each page). */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const ms = (instant: string | number | Date) => new Date(instant).getTime();
const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** The zone's offset from UTC at an instant, in minutes (Berlin in winter: 60). */
export function zoneOffsetMinutes(zone: string, at: number): number {
  return Math.round(TimeZone.of(zone).offsetAt(at) / 60_000);
}

/** The wall clock of an instant in a zone. */
export function wallClockOf(instant: string | number | Date, zone: string): WallClock {
  const wall = new Date(TimeZone.of(zone).wallAt(ms(instant)));
  return {
    date: wall.toISOString().slice(0, 10),
    time: `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`,
    weekday: WEEKDAYS[(wall.getUTCDay() + 6) % 7]!,
  };
}

/** The instant (ms) a wall clock (YYYY-MM-DD, HH:MM) names in a zone, read as the server reads it. */
export function wallClockToMs(date: string, time: string, zone: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return TimeZone.of(zone).instantOf(Date.UTC(y, mo - 1, d, h, mi));
}

/** RFC 3339 with the zone's offset at that instant: 2026-03-16T09:00:00+01:00 (what layer starts need). */
export function wallClockToRfc3339(date: string, time: string, zone: string): string {
  const at = wallClockToMs(date, time, zone);
  const wall = wallClockOf(at, zone);
  const off = zoneOffsetMinutes(zone, at);
  const sign = off < 0 ? '-' : '+';
  return `${wall.date}T${wall.time}:00${sign}${pad(Math.trunc(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/** A datetime-local input's value (YYYY-MM-DDTHH:MM, in the zone) as an ISO instant, or null when incomplete. */
export function localInputToIso(value: string, zone: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  if (!m) return null;
  return new Date(wallClockToMs(m[1]!, m[2]!, zone)).toISOString();
}

/** An instant as a datetime-local input's value in the zone. */
export function isoToLocalInput(instant: string | number | Date, zone: string): string {
  const w = wallClockOf(instant, zone);
  return `${w.date}T${w.time}`;
}

/** Midnight of the day of `instant` in the zone, plus `days` days, in ms (days of 23 or 25 hours included). */
export function startOfDay(instant: string | number | Date, zone: string, days = 0): number {
  const [y, mo, d] = wallClockOf(instant, zone).date.split('-').map(Number) as [number, number, number];
  return TimeZone.of(zone).instantOf(Date.UTC(y, mo - 1, d + days));
}

// --- formats ---

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined, zone: string, opts: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const k = `${locale ?? ''}|${zone}|${key}`;
  let f = formatters.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: zone, ...opts });
    formatters.set(k, f);
  }
  return f;
}

/**
 * An exact moment, in the browser's locale: "28 Nov 2026, 21:43:51" (incidents,
 * deliveries, the audit log: when exactly something happened). '–' for none.
 */
export function formatTimestamp(iso: string | null | undefined, zone = viewerZone()): string {
  if (!iso) return '–';
  const opts = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' } as const;
  return formatter(undefined, zone, opts, 'ts').format(new Date(iso));
}

/** A time of day to the second, in the browser's locale: "21:43:51" (the live list's "updated"). */
export function formatTimeSeconds(instant: string | number | Date, zone = viewerZone()): string {
  return formatter(undefined, zone, { hour: '2-digit', minute: '2-digit', second: '2-digit' }, 'tts').format(new Date(instant));
}

// Schedule screens read in days and hours: 24-hour clock, weekday first.
const schedule = (zone: string, opts: Intl.DateTimeFormatOptions, key: string) => formatter('en-GB', zone, { hourCycle: 'h23', ...opts }, key);

/** "Mon 1 Dec, 09:00" in the zone (shifts, overrides, simulations). */
export function formatDayTime(instant: string | number | Date, zone: string): string {
  return schedule(zone, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }, 'dt').format(new Date(instant));
}

/** "09:00" in the zone. */
export function formatTime(instant: string | number | Date, zone: string): string {
  return schedule(zone, { hour: '2-digit', minute: '2-digit' }, 't').format(new Date(instant));
}

/** "Mon 1 Dec" in the zone. */
export function formatDay(instant: string | number | Date, zone: string): string {
  return schedule(zone, { weekday: 'short', day: 'numeric', month: 'short' }, 'd').format(new Date(instant));
}

/** "3 min ago", "2 h ago", "5 d ago" (coarse: for scanning a list, the exact time is in the title) */
export function formatAgo(iso: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} d ago`;
}
