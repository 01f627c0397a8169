/**
 * On-call schedules as plain JSON data: what the API accepts and stores, and what
 * the resolver (`onCallAt`, `shifts`, `gaps`, `previewChange`) reads and returns.
 * Semantics, DST included, are documented in docs/schedules.md.
 *
 * Instants in are RFC 3339 strings WITH an offset (`2026-03-16T09:00:00+01:00`,
 * see parse-instant.ts); instants out are UTC ISO strings (`...Z`). Intervals are
 * half-open everywhere: [start, end).
 */

export interface Schedule {
  id?: string;
  /** IANA zone name (`Europe/Berlin`); rotations' wall clocks and restrictions are read in it */
  timeZone: string;
  /** ordered: a later layer has higher priority */
  layers: ScheduleLayer[];
}

export interface ScheduleLayer {
  id?: string;
  name: string;
  /** user ids in rotation order; a user may appear more than once */
  members: string[];
  rotation: Rotation;
  /** instant where shift 0 begins (member 0); before it the layer has nobody */
  start: string;
  /** optional instant (exclusive) from which the layer has nobody */
  end?: string;
  /** windows in the schedule's zone outside which the layer has nobody; none = always */
  restrictions?: Restriction[];
}

export type RotationType = 'daily' | 'weekly' | 'hourly' | 'custom';

export interface Rotation {
  /**
   * daily, weekly: every handoff keeps the start's wall-clock time (and weekday)
   * in the schedule's zone, whatever DST does; hourly, custom: exact elapsed time.
   */
  type: RotationType;
  /**
   * units per shift: days (daily), weeks (weekly), hours (hourly, custom). An
   * integer >= 1, except custom, which may be fractional in whole minutes (1.5 = 90 min).
   */
  shiftLength: number;
}

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

export const WEEKDAYS: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * A window in the schedule's zone, `HH:MM` 24-hour wall-clock times, start
 * inclusive, end exclusive. An end at or before the start (in the day, or in the
 * Monday-first week) crosses midnight (22:00-06:00) or the week boundary
 * (friday 17:00 - monday 09:00). Start equal to end is invalid (zero length).
 */
export type Restriction =
  | { type: 'daily'; start: string; end: string }
  | { type: 'weekly'; start: WeeklyTime; end: WeeklyTime };

export interface WeeklyTime {
  weekday: Weekday;
  time: string;
}

/**
 * The override's user is on call instead of whoever the layers say, over every
 * layer and over gaps, for [start, end). When overrides overlap, the one LATER in
 * the array wins: pass them oldest-created first, so the latest-created wins.
 */
export interface ScheduleOverride {
  id?: string;
  userId: string;
  start: string;
  end: string;
}

/** A schedule and its overrides: one version of "who is on call", for previews. */
export interface ScheduleVersion {
  schedule: Schedule;
  overrides: ScheduleOverride[];
}

/** An instant argument: an RFC 3339 string with an offset, or a Date. */
export type InstantInput = string | Date;

/** Why someone is on call: an override or a layer's rotation shift. */
export type OnCallReason = OverrideReason | LayerShiftReason;

export interface OverrideReason {
  kind: 'override';
  /** index in the overrides array */
  overrideIndex: number;
  overrideId: string | null;
  userId: string;
  start: string;
  end: string;
}

export interface LayerShiftReason {
  kind: 'layer';
  layerIndex: number;
  layerId: string | null;
  layerName: string;
  userId: string;
  /** index in the layer's members */
  memberIndex: number;
  /** 0 for the shift beginning at the layer's start, then 1, 2, ... */
  shiftNumber: number;
  /** the rotation shift, before the layer's restrictions and end cut it */
  shiftStart: string;
  shiftEnd: string;
}

/** Why one layer has nobody at an instant. */
export type LayerEmptyReason = 'before-start' | 'after-end' | 'outside-restrictions';

export interface LayerOnCall {
  layerIndex: number;
  layerId: string | null;
  layerName: string;
  /** zero or one user */
  users: string[];
  shift: LayerShiftReason | null;
  /** set when `users` is empty */
  empty: LayerEmptyReason | null;
}

export interface OnCall {
  /** the instant asked about, UTC ISO */
  at: string;
  /** zero or one user: one person at a time (PagerDuty semantics) */
  users: string[];
  /** [] when nobody is on call, else [the winning override or layer shift] */
  because: OnCallReason[];
  /** each layer's own answer (lowest priority first), to explain why a lower layer did not win */
  layers: LayerOnCall[];
}

export interface Interval {
  start: string;
  end: string;
}

export interface ScheduleShift extends Interval {
  /** [] = a gap with nobody on call */
  users: string[];
  /** as OnCall.because; with `merge: 'user'` the reasons of the merged pieces in time order */
  because: OnCallReason[];
}

export interface ShiftsOptions {
  /** also return each layer's own timeline */
  layers?: boolean;
  /**
   * 'reason' (default): adjacent intervals merge when they have the same users and
   * the same reason (the same override, or the same rotation shift of the same
   * layer); a new rotation shift starts a new interval even for the same user.
   * 'user': adjacent intervals merge whenever the users are the same (calendar
   * feeds: one event per stretch of duty); `because` lists the merged reasons.
   */
  merge?: 'reason' | 'user';
}

export interface LayerTimeline {
  layerIndex: number;
  layerId: string | null;
  layerName: string;
  shifts: ScheduleShift[];
}

export interface ShiftsResult {
  from: string;
  to: string;
  /** covers [from, to) exactly: contiguous, non-overlapping, in order */
  shifts: ScheduleShift[];
  /** with `layers: true`: each layer's own timeline, also covering [from, to) */
  layers?: LayerTimeline[];
}
