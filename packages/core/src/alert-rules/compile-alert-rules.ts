import { compileMatcher, type CompiledMatcher } from '../matchers/label-matcher';
import { parseMatcher } from '../matchers/parse-matcher';
import { parseClockTime } from '../schedule/restriction-windows';
import { WEEKDAYS } from '../schedule/schedule';
import { TimeZone } from '../schedule/time-zone';
import type { AlertRule } from './alert-rule';

/** A rule ready to evaluate: matchers compiled once, the time condition in minutes. */
export interface CompiledAlertRule {
  rule: AlertRule;
  labels: CompiledMatcher[];
  annotations: CompiledMatcher[];
  time: { days: Set<number>; start: number; end: number; zone: TimeZone; outside: boolean } | null;
}

/** The service's rules compiled. Rules that do not compile (validation refuses them on save) are skipped. */
export function compileAlertRules(rules: readonly AlertRule[]): CompiledAlertRule[] {
  const out: CompiledAlertRule[] = [];
  for (const rule of rules) {
    const labels = compileAll(rule.matchers);
    const annotations = compileAll(rule.annotationMatchers ?? []);
    if (!labels || !annotations) continue;
    let time: CompiledAlertRule['time'] = null;
    if (rule.time) {
      const zone = TimeZone.find(rule.time.timeZone);
      const start = parseClockTime(rule.time.startTime);
      const end = parseClockTime(rule.time.endTime);
      if (!zone || start === null || end === null) continue;
      // WEEKDAYS is Monday-first; Date's getUTCDay is Sunday = 0
      const days = new Set(rule.time.weekdays.map((d) => (WEEKDAYS.indexOf(d) + 1) % 7));
      time = { days, start, end, zone, outside: rule.time.outside === true };
    }
    out.push({ rule, labels, annotations, time });
  }
  return out;
}

function compileAll(texts: readonly string[]): CompiledMatcher[] | null {
  const out: CompiledMatcher[] = [];
  for (const text of texts) {
    const parsed = parseMatcher(text);
    if (!parsed.ok) return null;
    out.push(compileMatcher(parsed.matcher));
  }
  return out;
}

const DAY_MINUTES = 1440;

/**
 * Whether instant `now` is inside the weekly window, read on the zone's wall
 * clock (so 09:00 Europe/Berlin is 08:00Z in winter and 07:00Z in summer). A
 * window whose end is at or before its start runs past midnight: it belongs to
 * the weekday it starts on.
 */
export function insideTime(time: NonNullable<CompiledAlertRule['time']>, now: number): boolean {
  const wall = new Date(time.zone.wallAt(now));
  const day = wall.getUTCDay();
  const minute = wall.getUTCHours() * 60 + wall.getUTCMinutes();
  if (time.start < time.end) return time.days.has(day) && minute >= time.start && minute < time.end;
  // overnight (or a whole day when equal): from start on a listed day to end on the next
  if (time.days.has(day) && minute >= time.start) return true;
  const yesterday = (day + 6) % 7;
  return time.days.has(yesterday) && minute < time.end && time.end < DAY_MINUTES;
}
