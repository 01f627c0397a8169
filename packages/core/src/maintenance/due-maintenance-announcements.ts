import type { MaintenanceWindowSpec } from './maintenance-window';
import { maintenanceOccurrences } from './maintenance-occurrences';

/** How old a start or end may be and still be announced: older news (a window created already past, a worker down for long) is not posted. */
export const ANNOUNCE_LOOKBACK_MS = 15 * 60_000;

/** A stretch's start or end to announce. `occurrenceStart` with `kind` is its identity (one post per channel, ever). */
export interface DueAnnouncement {
  kind: 'started' | 'ended';
  /** the start of the stretch (one-off window, or one occurrence clipped to the window) */
  occurrenceStart: number;
  /** the moment announced: the stretch's start or its end */
  at: number;
  /** the stretch's end (null: a recurrence that never stops, or a one-off window's open end) */
  until: number | null;
}

/**
 * The starts and ends of a window's stretches that have passed by `now`, at
 * most `lookbackMs` ago (bounds: `now - lookbackMs < at <= now`):
 * - a start is due while its stretch still lasts (a stretch already over by
 *   the time it is seen announces only its end: no "started" and "ended" in a row);
 * - an end is due when it is after `createdAt` (a window created already
 *   over, or ending at its creation, announces nothing).
 * A window ended early (PATCH end, POST /end) ends its stretch at that
 * moment, so its end is due then; the stretch keeps its start, so a start
 * already announced is not announced again. Pure: the caller writes each
 * (window, occurrenceStart, kind, channel) once.
 */
export function dueMaintenanceAnnouncements(
  w: Pick<MaintenanceWindowSpec, 'start' | 'end' | 'recurrence'>,
  createdAt: number,
  now: number,
  lookbackMs = ANNOUNCE_LOOKBACK_MS,
): DueAnnouncement[] {
  const out: DueAnnouncement[] = [];
  const from = now - lookbackMs;
  for (const o of maintenanceOccurrences(w, from, now + 1)) {
    const until = o.end >= Number.MAX_SAFE_INTEGER ? null : o.end;
    if (o.start <= now && o.start > from && (until === null || until > now)) out.push({ kind: 'started', occurrenceStart: o.start, at: o.start, until });
    if (until !== null && until <= now && until > from && until > createdAt) out.push({ kind: 'ended', occurrenceStart: o.start, at: until, until });
  }
  return out;
}
