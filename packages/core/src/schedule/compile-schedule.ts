import { AppError } from '../app-error';
import type { FieldProblem } from '../app-error';
import { parseInstant } from './parse-instant';
import type { CompiledRestriction } from './restriction-windows';
import { compileRestriction } from './restriction-windows';
import type { InstantInput, Schedule, ScheduleOverride } from './schedule';
import { TimeZone } from './time-zone';
import { validateOverride, validateSchedule } from './validate-schedule';

const DAY = 86_400_000;

/** A layer with instants as epoch ms and durations resolved. */
export interface CompiledLayer {
  index: number;
  id: string | null;
  name: string;
  members: readonly string[];
  /** epoch ms where shift 0 begins */
  start: number;
  /** epoch ms (exclusive), +Infinity without an end */
  end: number;
  /** hourly/custom: the shift's exact length in ms; 0 for daily/weekly */
  exactMs: number;
  /** daily/weekly: the shift's length on the wall clock (days x 24 h) */
  periodWallMs: number;
  /** the start's wall clock in the schedule's zone (time-zone.ts "wall" encoding) */
  startWall: number;
  /** [] = unrestricted */
  restrictions: CompiledRestriction[];
}

export interface CompiledOverride {
  index: number;
  id: string | null;
  userId: string;
  start: number;
  end: number;
}

export interface CompiledSchedule {
  zone: TimeZone;
  layers: CompiledLayer[];
  overrides: CompiledOverride[];
}

/**
 * Schedule + overrides -> the numeric form the resolver works on. Throws
 * AppError('validation_failed') naming every bad field (`layers.0.members`,
 * `overrides.3.end`) when the data is not usable: callers validate at the edge with
 * validateSchedule/validateOverride, so this only fires on corrupt stored data.
 */
export function compileSchedule(schedule: Schedule, overrides: readonly ScheduleOverride[]): CompiledSchedule {
  const problems = validateSchedule(schedule);
  const compiledOverrides: CompiledOverride[] = [];
  if (!Array.isArray(overrides)) problems.push({ path: 'overrides', message: 'must be an array' });
  else {
    for (let i = 0; i < overrides.length; i++) {
      const o = overrides[i] as ScheduleOverride;
      // the hot path of every lookup: parse once, ask the validator only when something is off
      const start = typeof o?.start === 'string' ? parseInstant(o.start) : null;
      const end = typeof o?.end === 'string' ? parseInstant(o.end) : null;
      if (start === null || end === null || end <= start || typeof o.userId !== 'string' || o.userId === '' || (o.id !== undefined && typeof o.id !== 'string')) {
        problems.push(...validateOverride(o, `overrides.${i}`));
      } else compiledOverrides.push({ index: i, id: o.id ?? null, userId: o.userId, start, end });
    }
  }
  if (problems.length > 0) throw invalid(schedule, problems);

  const zone = TimeZone.of(schedule.timeZone);
  const layers = schedule.layers.map((layer, index): CompiledLayer => {
    const start = parseInstant(layer.start) as number;
    const { type, shiftLength } = layer.rotation;
    const exact = type === 'hourly' || type === 'custom';
    return {
      index,
      id: layer.id ?? null,
      name: layer.name,
      members: layer.members,
      start,
      end: layer.end != null ? (parseInstant(layer.end) as number) : Infinity,
      exactMs: exact ? Math.round(shiftLength * 60) * 60_000 : 0,
      periodWallMs: exact ? 0 : shiftLength * (type === 'weekly' ? 7 : 1) * DAY,
      startWall: zone.wallAt(start),
      restrictions: (layer.restrictions ?? []).map((r) => compileRestriction(r) as CompiledRestriction),
    };
  });
  return { zone, layers, overrides: compiledOverrides };
}

/** An instant argument (`at`, `from`, `to`) -> epoch ms; throws AppError naming `field`. */
export function instantArgument(value: InstantInput, field: string): number {
  const t = value instanceof Date ? value.getTime() : typeof value === 'string' ? parseInstant(value) : null;
  if (t === null || !Number.isFinite(t)) {
    throw new AppError('validation_failed', `Invalid ${field}: ${String(value)} is not an RFC 3339 instant with an offset`, [
      { path: field, message: 'must be an RFC 3339 instant with an offset (2026-03-16T09:00:00+01:00)' },
    ]);
  }
  return t;
}

function invalid(schedule: Schedule, problems: FieldProblem[]): AppError {
  const first = problems[0] as FieldProblem;
  const which = typeof schedule?.id === 'string' ? `schedule ${schedule.id}` : 'schedule';
  return new AppError('validation_failed', `Cannot resolve ${which}: ${first.path} ${first.message}`, problems);
}
