// Instants inside sentences: the words people read around a time ("follows at
// 02:08 (in 3 min)"), in the viewer's zone. The API's sentences (timeline
// messages, explain reasons, simulation warnings, error messages) name instants
// as ISO strings for their other readers (Slack, SMS, scripts); the UI never
// shows those: it renders from the typed data where it has it, and passes any
// sentence it shows as is through `formatInstantsIn`.
import { formatDayTime, formatTime, viewerZone, wallClockOf } from './time';

/**
 * An ISO-8601 / RFC 3339 instant as the API writes them (`2026-12-07T01:08:48.234Z`,
 * `2026-12-07T09:00:00+01:00`), and the "2026-12-07 01:08 UTC" some older
 * sentences use. Global: use with `replace`, or reset `lastIndex`.
 */
export const ISO_INSTANT_IN_TEXT = /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})|\s\d{2}:\d{2}(?::\d{2})?\sUTC)/g;

export interface WhenOptions {
  /** the viewer's clock (tests pass one) */
  now?: Date;
  /** default: the viewer's zone */
  zone?: string;
  /** add "(in 4 min)" / "(3 min ago)" when the instant is within a day of now (default true) */
  relative?: boolean;
}

function parse(instant: string): number {
  // "2026-12-07 01:08 UTC" -> an ISO instant
  const m = /^(\d{4}-\d{2}-\d{2})\s(\d{2}:\d{2}(?::\d{2})?)\sUTC$/.exec(instant);
  return new Date(m ? `${m[1]}T${m[2]}Z` : instant).getTime();
}

/** "in 4 min", "in 2 h 5 min", "3 min ago", "just now"; null beyond a day. */
export function formatRelative(instant: string | number | Date, now: Date = new Date()): string | null {
  const at = typeof instant === 'string' ? parse(instant) : new Date(instant).getTime();
  const diff = at - now.getTime();
  const minutes = Math.round(Math.abs(diff) / 60_000);
  if (Number.isNaN(diff) || minutes >= 24 * 60) return null;
  if (minutes === 0) return diff >= 0 ? 'now' : 'just now';
  const text = minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return diff > 0 ? `in ${text}` : `${text} ago`;
}

/**
 * An instant for a sentence: "02:08" on the viewer's today, else
 * "Thu 10 Dec, 18:00"; with "(in 4 min)" when it is less than a day ahead
 * (past instants read as times: the timeline says when each event happened).
 */
export function formatWhen(instant: string | number | Date, options: WhenOptions = {}): string {
  const zone = options.zone ?? viewerZone();
  const now = options.now ?? new Date();
  const at = typeof instant === 'string' ? parse(instant) : new Date(instant).getTime();
  if (Number.isNaN(at)) return String(instant);
  const sameDay = wallClockOf(at, zone).date === wallClockOf(now, zone).date;
  const text = sameDay ? formatTime(at, zone) : formatDayTime(at, zone);
  if (options.relative === false || at <= now.getTime()) return text;
  const rel = formatRelative(at, now);
  return rel ? `${text} (${rel})` : text;
}

/** A sentence with each ISO instant in it replaced by `formatWhen` of it. */
export function formatInstantsIn(text: string, options: WhenOptions = {}): string {
  return text.replace(ISO_INSTANT_IN_TEXT, (match) => formatWhen(match, options));
}

/** Does this text contain an ISO instant? (the browser test's check, and a guard for user-written text) */
export function containsIsoInstant(text: string): boolean {
  ISO_INSTANT_IN_TEXT.lastIndex = 0;
  const found = ISO_INSTANT_IN_TEXT.test(text);
  ISO_INSTANT_IN_TEXT.lastIndex = 0;
  return found;
}
