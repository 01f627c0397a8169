// The layer editor's form state and its conversion to and from the API's layer.
// A layer's `start` is an instant; people think of it as "the first handoff, on
// this day at this time, in the schedule's zone", so the form holds the wall
// clock and converts with the schedule's zone (which may not be the viewer's).
import type { ScheduleJson } from '@heinrich/contracts/schedules';
import { WEEKDAYS, wallClockOf, wallClockToRfc3339, type Weekday } from '../../lib/time';

export type ApiLayer = ScheduleJson['layers'][number];
export type ApiRestriction = NonNullable<ApiLayer['restrictions']>[number];
export type RotationType = ApiLayer['rotation']['type'];

export interface RestrictionDraft {
  type: 'daily' | 'weekly';
  startDay: Weekday;
  startTime: string;
  endDay: Weekday;
  endTime: string;
}

export interface LayerDraft {
  name: string;
  members: string[];
  rotationType: RotationType;
  /** as typed: days, weeks or hours */
  shiftLength: string;
  /** the first shift's start, wall clock in the schedule's zone */
  startDate: string;
  startTime: string;
  /** kept as it was: the editor does not change a layer's end */
  end: string | null;
  restrictions: RestrictionDraft[];
}

export function restrictionToDraft(r: ApiRestriction): RestrictionDraft {
  if (r.type === 'daily') return { type: 'daily', startDay: 'monday', startTime: r.start, endDay: 'friday', endTime: r.end };
  return { type: 'weekly', startDay: r.start.weekday, startTime: r.start.time, endDay: r.end.weekday, endTime: r.end.time };
}

export function draftToRestriction(r: RestrictionDraft): ApiRestriction {
  if (r.type === 'daily') return { type: 'daily', start: r.startTime, end: r.endTime };
  return { type: 'weekly', start: { weekday: r.startDay, time: r.startTime }, end: { weekday: r.endDay, time: r.endTime } };
}

export function layerToDraft(layer: ApiLayer, zone: string): LayerDraft {
  const start = wallClockOf(layer.start, zone);
  return {
    name: layer.name,
    members: [...layer.members],
    rotationType: layer.rotation.type,
    shiftLength: String(layer.rotation.shiftLength),
    startDate: start.date,
    startTime: start.time,
    end: layer.end ?? null,
    restrictions: (layer.restrictions ?? []).map(restrictionToDraft),
  };
}

/** The API layer of a draft. A blank or unreadable number goes as NaN -> null, so the API names the field. */
export function draftToLayer(d: LayerDraft, zone: string): ApiLayer {
  let start = `${d.startDate}T${d.startTime}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(d.startDate) && /^\d{2}:\d{2}$/.test(d.startTime)) {
    try {
      start = wallClockToRfc3339(d.startDate, d.startTime, zone);
    } catch {
      // an unknown zone: send the wall clock; the API names `start` (or timeZone)
    }
  }
  return {
    name: d.name,
    members: d.members,
    rotation: { type: d.rotationType, shiftLength: d.shiftLength.trim() === '' ? Number.NaN : Number(d.shiftLength) },
    start,
    end: d.end,
    restrictions: d.restrictions.map(draftToRestriction),
  };
}

/** A new layer: a weekly rotation handing off on the coming Monday at 09:00 in the schedule's zone. */
export function newLayerDraft(now: number, zone: string, members: string[] = [], name = 'Primary'): LayerDraft {
  const today = wallClockOf(now, zone);
  const idx = WEEKDAYS.indexOf(today.weekday);
  const daysToMonday = idx === 0 ? 0 : 7 - idx;
  const [y, m, d] = today.date.split('-').map(Number) as [number, number, number];
  const monday = new Date(Date.UTC(y, m - 1, d + daysToMonday)).toISOString().slice(0, 10);
  return { name, members, rotationType: 'weekly', shiftLength: '1', startDate: monday, startTime: '09:00', end: null, restrictions: [] };
}

/** The weekday of a YYYY-MM-DD date (a calendar date, no zone involved). */
export function weekdayOfDate(date: string): Weekday | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  return WEEKDAYS[(day + 6) % 7]!;
}

/** The date on or before `date` that falls on `weekday`: choosing a handoff day moves the first shift back to it. */
export function moveToWeekday(date: string, weekday: Weekday): string {
  const current = weekdayOfDate(date);
  if (!current) return date;
  const back = (WEEKDAYS.indexOf(current) - WEEKDAYS.indexOf(weekday) + 7) % 7;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - back)).toISOString().slice(0, 10);
}

/** Moves item i of a list by delta (-1 up, +1 down); out of range leaves it. */
export function move<T>(list: T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (j < 0 || j >= list.length || i < 0 || i >= list.length) return list;
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** How a rotation reads: "Weekly, handoff Monday 09:00 (Europe/Berlin)". */
export function describeRotation(d: LayerDraft, zone: string): string {
  const n = Number(d.shiftLength);
  const day = weekdayOfDate(d.startDate);
  const dayName = day ? day[0]!.toUpperCase() + day.slice(1) : '?';
  switch (d.rotationType) {
    case 'weekly':
      return `${n === 1 ? 'Weekly' : `Every ${n} weeks`}, handoff ${dayName} ${d.startTime} (${zone})`;
    case 'daily':
      return `${n === 1 ? 'Daily' : `Every ${n} days`}, handoff at ${d.startTime} (${zone})`;
    default:
      return `Shifts of ${n} hours from ${dayName} ${d.startDate} ${d.startTime} (${zone})`;
  }
}
