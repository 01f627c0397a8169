import type { FieldProblem } from '../app-error';
import { parseMatcher } from '../matchers/parse-matcher';
import { parseClockTime } from '../schedule/restriction-windows';
import { TimeZone } from '../schedule/time-zone';
import { MAX_DURATION_MINUTES, type MaintenanceWindowSpec } from './maintenance-window';

/**
 * What is wrong with a window (empty: nothing), each problem naming its field
 * as the API's 400 does: `end` before `start`, a one-off window without
 * `end`, an unknown `recurrence.timeZone`, a malformed `recurrence.startTime`,
 * neither or both of `recurrence.endTime` / `recurrence.durationMinutes`, a
 * matcher that does not parse (`matchers.2`). Shapes (types, ISO instants) are
 * the contract's; this checks what they cannot.
 */
export function validateMaintenanceWindow(w: Omit<MaintenanceWindowSpec, 'id'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (w.reason.trim() === '') problems.push({ path: 'reason', message: 'must not be empty' });
  if (w.serviceIds.length === 0) problems.push({ path: 'serviceIds', message: 'must name at least one service' });
  if (w.end !== null && w.end <= w.start) problems.push({ path: 'end', message: 'must be after start' });
  const r = w.recurrence;
  if (!r) {
    if (w.end === null) problems.push({ path: 'end', message: 'is required for a window without a recurrence' });
  } else {
    if (!TimeZone.find(r.timeZone)) problems.push({ path: 'recurrence.timeZone', message: `is not a known IANA time zone: ${JSON.stringify(r.timeZone)}` });
    if (r.weekdays.length === 0) problems.push({ path: 'recurrence.weekdays', message: 'must name at least one weekday' });
    if (parseClockTime(r.startTime) === null) problems.push({ path: 'recurrence.startTime', message: 'must be HH:MM (00:00-23:59)' });
    if ((r.endTime === undefined) === (r.durationMinutes === undefined)) {
      problems.push({ path: 'recurrence', message: 'needs exactly one of endTime and durationMinutes' });
    } else if (r.endTime !== undefined) {
      const end = parseClockTime(r.endTime);
      if (end === null) problems.push({ path: 'recurrence.endTime', message: 'must be HH:MM (00:00-23:59)' });
      else if (end === parseClockTime(r.startTime)) problems.push({ path: 'recurrence.endTime', message: 'must differ from startTime (use durationMinutes: 1440 for a whole day)' });
    } else if (!Number.isInteger(r.durationMinutes) || r.durationMinutes! < 1 || r.durationMinutes! > MAX_DURATION_MINUTES) {
      problems.push({ path: 'recurrence.durationMinutes', message: `must be a whole number of minutes from 1 to ${MAX_DURATION_MINUTES} (a week)` });
    }
  }
  for (const [i, text] of w.matchers.entries()) {
    const parsed = parseMatcher(text);
    if (!parsed.ok) problems.push({ path: `matchers.${i}`, message: `${JSON.stringify(text)} ${parsed.error}` });
  }
  return problems;
}
