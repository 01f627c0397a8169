import type { FieldProblem } from '../app-error';
import { parseInstant } from './parse-instant';
import { compileRestriction, parseClockTime } from './restriction-windows';
import type { Schedule, ScheduleOverride } from './schedule';
import { WEEKDAYS } from './schedule';
import { TimeZone } from './time-zone';

const ROTATION_TYPES = ['daily', 'weekly', 'hourly', 'custom'];
const INSTANT = 'must be an RFC 3339 instant with an offset (2026-03-16T09:00:00+01:00), years 1900-9999';

/**
 * What is wrong with a schedule, as dotted field paths into it (`layers.0.members`,
 * `layers.1.restrictions.0.end`), prefixed with `path` (`body` -> `body.timeZone`).
 * [] = the resolver can use it. Checks shape too (the API's zod schema may be
 * looser), but not that user ids exist: that needs the database.
 */
export function validateSchedule(schedule: Schedule, path = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (p: string) => (path ? `${path}.${p}` : p);
  if (typeof schedule !== 'object' || schedule === null) return [{ path: path || '(body)', message: 'must be an object' }];
  if (schedule.id !== undefined && typeof schedule.id !== 'string') problems.push({ path: at('id'), message: 'must be a string' });
  if (typeof schedule.timeZone !== 'string' || !TimeZone.find(schedule.timeZone)) {
    problems.push({ path: at('timeZone'), message: `unknown time zone ${JSON.stringify(schedule.timeZone)}: use an IANA name such as Europe/Berlin` });
  }
  if (!Array.isArray(schedule.layers) || schedule.layers.length === 0) {
    problems.push({ path: at('layers'), message: 'must be a non-empty array: a schedule without layers pages nobody' });
    return problems;
  }
  schedule.layers.forEach((layer, i) => {
    const lp = (p: string) => at(`layers.${i}.${p}`);
    if (typeof layer !== 'object' || layer === null) {
      problems.push({ path: at(`layers.${i}`), message: 'must be an object' });
      return;
    }
    if (layer.id !== undefined && typeof layer.id !== 'string') problems.push({ path: lp('id'), message: 'must be a string' });
    if (typeof layer.name !== 'string' || layer.name.trim() === '') problems.push({ path: lp('name'), message: 'must be a non-empty string' });
    if (!Array.isArray(layer.members) || layer.members.length === 0) {
      problems.push({ path: lp('members'), message: 'must list at least one user: an empty layer has nobody to page' });
    } else {
      layer.members.forEach((m, k) => {
        if (typeof m !== 'string' || m === '') problems.push({ path: lp(`members.${k}`), message: 'must be a user id' });
      });
    }
    const rotation = layer.rotation as Schedule['layers'][number]['rotation'] | undefined;
    if (typeof rotation !== 'object' || rotation === null) {
      problems.push({ path: lp('rotation'), message: 'must be an object with type and shiftLength' });
    } else {
      if (!ROTATION_TYPES.includes(rotation.type)) {
        problems.push({ path: lp('rotation.type'), message: `must be one of ${ROTATION_TYPES.join(', ')}` });
      }
      const n = rotation.shiftLength;
      if (typeof n !== 'number' || !Number.isFinite(n) || n < 1) {
        problems.push({ path: lp('rotation.shiftLength'), message: 'must be a number >= 1' });
      } else if (rotation.type === 'custom' ? !Number.isInteger(Math.round(n * 60 * 1e6) / 1e6) : !Number.isInteger(n)) {
        problems.push({
          path: lp('rotation.shiftLength'),
          message: rotation.type === 'custom' ? 'must be hours in whole minutes (1.5 = 90 min)' : 'must be a whole number',
        });
      } else if (n > 10_000) {
        problems.push({ path: lp('rotation.shiftLength'), message: 'must be at most 10000' });
      }
    }
    const start = typeof layer.start === 'string' ? parseInstant(layer.start) : null;
    if (start === null) problems.push({ path: lp('start'), message: INSTANT });
    if (layer.end !== undefined && layer.end !== null) {
      const end = typeof layer.end === 'string' ? parseInstant(layer.end) : null;
      if (end === null) problems.push({ path: lp('end'), message: INSTANT });
      else if (start !== null && end <= start) problems.push({ path: lp('end'), message: `must be after start (${layer.start})`, params: { start: layer.start } });
    }
    if (layer.restrictions !== undefined) {
      if (!Array.isArray(layer.restrictions)) {
        problems.push({ path: lp('restrictions'), message: 'must be an array' });
      } else {
        layer.restrictions.forEach((r, k) => problems.push(...restrictionProblems(r, lp(`restrictions.${k}`))));
      }
    }
  });
  return problems;
}

/** What is wrong with one override, paths prefixed with `path` (`overrides.3` -> `overrides.3.end`). */
export function validateOverride(override: ScheduleOverride, path = ''): FieldProblem[] {
  const at = (p: string) => (path ? `${path}.${p}` : p);
  if (typeof override !== 'object' || override === null) return [{ path: path || '(body)', message: 'must be an object' }];
  const problems: FieldProblem[] = [];
  if (override.id !== undefined && typeof override.id !== 'string') problems.push({ path: at('id'), message: 'must be a string' });
  if (typeof override.userId !== 'string' || override.userId === '') problems.push({ path: at('userId'), message: 'must be a user id' });
  const start = typeof override.start === 'string' ? parseInstant(override.start) : null;
  const end = typeof override.end === 'string' ? parseInstant(override.end) : null;
  if (start === null) problems.push({ path: at('start'), message: INSTANT });
  if (end === null) problems.push({ path: at('end'), message: INSTANT });
  else if (start !== null && end <= start) problems.push({ path: at('end'), message: `must be after start (${override.start})`, params: { start: override.start } });
  return problems;
}

function restrictionProblems(r: unknown, path: string): FieldProblem[] {
  if (typeof r !== 'object' || r === null) return [{ path, message: 'must be an object' }];
  const { type, start, end } = r as { type?: unknown; start?: unknown; end?: unknown };
  const problems: FieldProblem[] = [];
  if (type === 'daily') {
    if (parseClockTime(start) === null) problems.push({ path: `${path}.start`, message: 'must be a time HH:MM (00:00-23:59)' });
    if (parseClockTime(end) === null) problems.push({ path: `${path}.end`, message: 'must be a time HH:MM (00:00-23:59)' });
  } else if (type === 'weekly') {
    for (const [key, value] of [['start', start], ['end', end]] as const) {
      const v = (typeof value === 'object' && value !== null ? value : {}) as { weekday?: unknown; time?: unknown };
      if (!WEEKDAYS.includes(v.weekday as (typeof WEEKDAYS)[number])) {
        problems.push({ path: `${path}.${key}.weekday`, message: `must be one of ${WEEKDAYS.join(', ')}` });
      }
      if (parseClockTime(v.time) === null) problems.push({ path: `${path}.${key}.time`, message: 'must be a time HH:MM (00:00-23:59)' });
    }
  } else {
    return [{ path: `${path}.type`, message: 'must be daily or weekly' }];
  }
  if (problems.length > 0) return problems;
  const compiled = compileRestriction(r as Parameters<typeof compileRestriction>[0]);
  if (compiled && compiled.startMinute === compiled.endMinute) {
    problems.push({ path: `${path}.end`, message: 'must differ from start: the window would have zero length (omit restrictions for always)' });
  }
  return problems;
}
