import type { Weekday } from '../schedule/schedule';

/**
 * A weekly recurrence: on `weekdays`, from `startTime` (HH:MM, 24-hour) in
 * `timeZone`, until `endTime` (wall clock; at or before the start: the next
 * day) or for `durationMinutes` (exact elapsed time). Exactly one of the two.
 */
export interface MaintenanceRecurrence {
  weekdays: Weekday[];
  startTime: string;
  endTime?: string | undefined;
  durationMinutes?: number | undefined;
  /** IANA zone name, e.g. Europe/Berlin */
  timeZone: string;
}

/**
 * What core needs of a maintenance window. Its coverage is [start, end): a
 * one-off window is that; a recurring one is its occurrences clipped to it
 * (`end` null: recurring for ever). Instants are epoch ms.
 */
export interface MaintenanceWindowSpec {
  id: string;
  reason: string;
  start: number;
  end: number | null;
  recurrence: MaintenanceRecurrence | null;
  serviceIds: readonly string[];
  /** matcher texts in Alertmanager syntax (parse-matcher.ts); empty: every alert of the services */
  matchers: readonly string[];
}

/** The longest recurring occurrence (a week): longer planned work is a one-off window. */
export const MAX_DURATION_MINUTES = 7 * 24 * 60;
