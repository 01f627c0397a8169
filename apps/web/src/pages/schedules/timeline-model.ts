// Pure shaping of the API's shifts for display: positions on a time axis, who
// is on call now and next, and the shifts of each day for the phone list. The
// API decides who is on call (docs/schedules.md); nothing here recomputes it.
import type { ShiftJson, UserRefJson } from '@heinrich/contracts/schedules';
import { startOfDay } from '../../lib/time';

export type ShiftKind = 'gap' | 'override' | 'layer';

/** What a shift is, for its colour: nobody on call, an override, or a layer's rotation. */
export function shiftKind(shift: Pick<ShiftJson, 'users' | 'because'>): ShiftKind {
  if (shift.users.length === 0) return 'gap';
  return shift.because.some((b) => b.kind === 'override') ? 'override' : 'layer';
}

export function userNames(users: UserRefJson[]): string {
  return users.length === 0 ? 'Nobody' : users.map((u) => u.name ?? 'a deleted user').join(', ');
}

export interface Bar {
  shift: ShiftJson;
  kind: ShiftKind;
  /** percent of the axis */
  left: number;
  width: number;
}

/** Each shift's place on the axis [from, to), clipped to it. */
export function barsOf(shifts: ShiftJson[], from: number, to: number): Bar[] {
  const span = to - from;
  const bars: Bar[] = [];
  for (const shift of shifts) {
    const s = Math.max(from, Date.parse(shift.start));
    const e = Math.min(to, Date.parse(shift.end));
    if (e <= s) continue;
    bars.push({ shift, kind: shiftKind(shift), left: ((s - from) / span) * 100, width: ((e - s) / span) * 100 });
  }
  return bars;
}

export interface Duty {
  users: UserRefJson[];
  start: string;
  end: string;
}

const sameUsers = (a: UserRefJson[], b: UserRefJson[]) => a.length === b.length && a.every((u, i) => u.id === b[i]?.id);

/** Adjacent shifts of the same people as one stretch of duty (a new rotation shift of the same person does not end their duty). */
export function duties(shifts: ShiftJson[]): Duty[] {
  const out: Duty[] = [];
  for (const s of shifts) {
    const last = out[out.length - 1];
    if (last && last.end === s.start && sameUsers(last.users, s.users)) last.end = s.end;
    else out.push({ users: s.users, start: s.start, end: s.end });
  }
  return out;
}

export interface NowAndNext {
  /** null: nobody is on call now */
  now: Duty | null;
  /** the next stretch with someone else on call; null when none within the shifts */
  next: Duty | null;
}

/**
 * Who is on call at `now` and until when, and who comes next, from a timeline
 * that covers `now`. The last stretch's end may be the range's end, not a handoff:
 * `openEnded` tells the caller to say "at least until".
 */
export function nowAndNext(shifts: ShiftJson[], now: number): NowAndNext {
  const ds = duties(shifts);
  const i = ds.findIndex((d) => Date.parse(d.start) <= now && now < Date.parse(d.end));
  const current = i >= 0 ? ds[i]! : null;
  const after = ds.slice(i >= 0 ? i + 1 : 0).filter((d) => Date.parse(d.start) > now);
  const next = after.find((d) => d.users.length > 0 && (!current || !sameUsers(d.users, current.users))) ?? null;
  return { now: current && current.users.length > 0 ? current : null, next };
}

export interface DayShifts {
  /** midnight in the viewer's zone (ms) */
  day: number;
  shifts: { shift: ShiftJson; kind: ShiftKind; start: number; end: number }[];
}

/** The shifts of each of `days` days from the day of `from` in `zone`, each clipped to its day (the phone list). */
export function shiftsByDay(shifts: ShiftJson[], from: number, days: number, zone: string): DayShifts[] {
  const out: DayShifts[] = [];
  for (let d = 0; d < days; d++) {
    const dayStart = startOfDay(from, zone, d);
    const dayEnd = startOfDay(from, zone, d + 1);
    const list: DayShifts['shifts'] = [];
    for (const shift of shifts) {
      const s = Math.max(dayStart, Date.parse(shift.start));
      const e = Math.min(dayEnd, Date.parse(shift.end));
      if (e > s) list.push({ shift, kind: shiftKind(shift), start: s, end: e });
    }
    out.push({ day: dayStart, shifts: list });
  }
  return out;
}

/** "3 h", "1 d 4 h", "45 min": a duration for people, not machines. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 24) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h ? `${days} d ${h} h` : `${days} d`;
}
