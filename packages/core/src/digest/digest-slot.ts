import { WEEKDAYS, type Weekday } from '../schedule/schedule';
import { TimeZone } from '../schedule/time-zone';

export interface DigestSchedule {
  /** IANA zone of the team */
  timeZone: string;
  weekday: Weekday;
  /** 0-23: the full hour, on the team's wall clock */
  hour: number;
}

export interface DigestSlot {
  /** the slot's local date in the team's zone, YYYY-MM-DD: the week's identity */
  week: string;
  /** the instant the slot denotes */
  dueAt: Date;
}

const DAY = 86_400_000;

/**
 * The latest digest slot at or before `now`: the most recent `weekday` at
 * `hour`:00 on the team's wall clock. An hour that does not exist that day
 * (a spring-forward gap) is read as Temporal's 'compatible' does (as far after
 * the gap as it was into it); an hour that happens twice is its first
 * occurrence. Pure.
 */
export function latestDigestSlot(now: Date, schedule: DigestSchedule): DigestSlot {
  const zone = TimeZone.of(schedule.timeZone);
  const wallNow = zone.wallAt(now.getTime());
  const today = Math.floor(wallNow / DAY) * DAY;
  // Date.UTC(1970-01-01) was a Thursday: index 3 in the Monday-first week
  const todayIndex = (Math.floor(today / DAY) + 3) % 7;
  const back = (todayIndex - WEEKDAYS.indexOf(schedule.weekday) + 7) % 7;
  for (const days of [back, back + 7]) {
    const date = today - days * DAY;
    const dueAt = zone.instantOf(date + schedule.hour * 3_600_000);
    if (dueAt <= now.getTime()) return { week: new Date(date).toISOString().slice(0, 10), dueAt: new Date(dueAt) };
  }
  /* c8 ignore next */
  throw new Error('unreachable: a slot a week earlier is always in the past');
}
