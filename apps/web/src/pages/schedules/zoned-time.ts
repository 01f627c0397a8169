// Wall clocks <-> instants in an explicit IANA zone, with the browser's Intl only.
// The viewer's zone (datetime-local inputs, the timeline) and the schedule's zone
// (handoff times, restrictions) differ, so nothing here uses the machine's zone
// implicitly: every function takes the zone, which also keeps the tests exact.

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'long',
    });
    formatters.set(zone, f);
  }
  return f;
}

export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** monday ... sunday */
  weekday: Weekday;
}

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

function fields(ms: number, zone: string) {
  const parts = partsFormatter(zone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday: get('weekday').toLowerCase() as Weekday,
  };
}

/** The zone's offset from UTC at an instant, in minutes (Berlin in winter: 60). */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  const f = fields(ms, zone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** The wall clock of an instant in a zone. */
export function wallClockOf(instant: string | number | Date, zone: string): WallClock {
  const f = fields(new Date(instant).getTime(), zone);
  return { date: `${f.year}-${pad(f.month)}-${pad(f.day)}`, time: `${pad(f.hour)}:${pad(f.minute)}`, weekday: f.weekday };
}

/**
 * The instant a wall clock (YYYY-MM-DD, HH:MM) names in a zone, in milliseconds.
 * A time in the spring-forward gap is read with the offset before the gap and an
 * ambiguous autumn time is its first occurrence, as the server's resolver does
 * (docs/schedules.md, DST).
 */
export function wallClockToMs(date: string, time: string, zone: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const local = Date.UTC(y, mo - 1, d, h, mi);
  // the offsets a few hours either side cover any DST change near the time
  const before = zoneOffsetMinutes(zone, local - 24 * 3_600_000);
  const after = zoneOffsetMinutes(zone, local + 24 * 3_600_000);
  const candidates = [...new Set([before, after])]
    .map((off) => local - off * 60_000)
    .filter((ms) => zoneOffsetMinutes(zone, ms) * 60_000 === local - ms)
    .sort((a, b) => a - b);
  // ambiguous: the earlier instant; nonexistent: the offset before the gap
  return candidates[0] ?? local - before * 60_000;
}

/** RFC 3339 with the zone's offset at that instant: 2026-03-16T09:00:00+01:00 (what layer starts need). */
export function wallClockToRfc3339(date: string, time: string, zone: string): string {
  const ms = wallClockToMs(date, time, zone);
  const wall = wallClockOf(ms, zone);
  const off = zoneOffsetMinutes(zone, ms);
  const sign = off < 0 ? '-' : '+';
  return `${wall.date}T${wall.time}:00${sign}${pad(Math.trunc(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/** A datetime-local input's value (YYYY-MM-DDTHH:MM, the viewer's zone) as an ISO instant, or null when incomplete. */
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
  const w = wallClockOf(instant, zone);
  const [y, mo, d] = w.date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(y, mo - 1, d + days));
  return wallClockToMs(shifted.toISOString().slice(0, 10), '00:00', zone);
}

/** The browser's zone: where the viewer reads times. */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

function display(zone: string, opts: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const k = `${zone}|${key}`;
  let f = displayFormatters.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', ...opts });
    displayFormatters.set(k, f);
  }
  return f;
}

/** "Mon 1 Dec, 09:00" in the zone. */
export function formatDateTime(instant: string | number | Date, zone: string): string {
  return display(zone, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }, 'dt').format(new Date(instant));
}

/** "09:00" in the zone. */
export function formatTime(instant: string | number | Date, zone: string): string {
  return display(zone, { hour: '2-digit', minute: '2-digit' }, 't').format(new Date(instant));
}

/** "Mon 1 Dec" in the zone. */
export function formatDay(instant: string | number | Date, zone: string): string {
  return display(zone, { weekday: 'short', day: 'numeric', month: 'short' }, 'd').format(new Date(instant));
}
