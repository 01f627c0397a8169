import { AppError } from '@heinrich/core/app-error';
import { parseInstant } from '@heinrich/core/schedule/parse-instant';

const DAY = 86_400_000;

/** The longest range `shifts` and `gaps` answer in one request: a year, leap day included. */
export const MAX_RANGE_DAYS = 366;

/**
 * [from, to) of a shifts or gaps query: `to` after `from` and at most
 * MAX_RANGE_DAYS later (a calendar UI asks a month at a time; a year bounds the
 * work and the answer). A 400 naming `to` otherwise.
 */
export function shiftRange(from: string, to: string): { from: Date; to: Date } {
  const f = parseInstant(from);
  const t = parseInstant(to);
  if (f === null) throw badQuery('from', 'must be an RFC 3339 instant with an offset');
  if (t === null) throw badQuery('to', 'must be an RFC 3339 instant with an offset');
  if (t <= f) throw badQuery('to', `must be after from (${from})`);
  if (t - f > MAX_RANGE_DAYS * DAY) throw badQuery('to', `must be at most ${MAX_RANGE_DAYS} days after from: ask for longer ranges a part at a time`);
  return { from: new Date(f), to: new Date(t) };
}

function badQuery(path: string, message: string): AppError {
  return new AppError('validation_failed', `Query is invalid: ${path} ${message}`, [{ path, message }]);
}
