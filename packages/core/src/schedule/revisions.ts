import { AppError } from '../app-error';
import { compileSchedule, instantArgument } from './compile-schedule';
import { onCallAtCompiled } from './on-call-at';
import { formatInstant } from './parse-instant';
import type {
  InstantInput,
  Interval,
  LayerTimeline,
  OnCall,
  OnCallReason,
  Schedule,
  ScheduleOverride,
  ScheduleShift,
  ShiftsOptions,
} from './schedule';
import { shiftsCompiled } from './shifts';

/**
 * One revision of a schedule: `schedule` is in force from `effectiveFrom`
 * (inclusive) until the next revision's `effectiveFrom` (exclusive). The FIRST
 * revision also answers for every instant before its own `effectiveFrom`: a
 * schedule created today with a layer that started last month shows last month
 * as its layers say (there was no other answer then).
 *
 * This is how "edits take effect from now on and leave the past shifts as they
 * were" is computed: an edit appends a revision effective at the moment it is
 * made, and every question about an instant is asked of the revision in force
 * at that instant. Overrides are not revised: they are absolute intervals and
 * apply to whichever revision is in force.
 */
export interface ScheduleRevisionInput {
  effectiveFrom: InstantInput;
  schedule: Schedule;
}

/** A layer's own timeline within one revision's part of the range (`from`/`to`: that part). */
export interface RevisionLayerTimeline extends LayerTimeline {
  /** index into the revisions array */
  revisionIndex: number;
  from: string;
  to: string;
}

export interface RevisionShiftsResult {
  from: string;
  to: string;
  /** covers [from, to) exactly, as `shifts` does; spliced at revision boundaries */
  shifts: ScheduleShift[];
  /** with `layers: true`: each layer of each revision in force in the range, over the part it was in force */
  layers?: RevisionLayerTimeline[];
}

/**
 * Which revision is in force at `t` (epoch ms): the last one whose effectiveFrom
 * is at or before `t`, else the first. Revisions must be in effectiveFrom order
 * (non-decreasing); of two with the same effectiveFrom the later in the array wins.
 */
export function revisionIndexAt(starts: readonly number[], t: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** onCallAt, asked of the revision in force at `at`. */
export function onCallAtRevisions(revisions: readonly ScheduleRevisionInput[], overrides: readonly ScheduleOverride[], at: InstantInput): OnCall {
  const starts = revisionStarts(revisions);
  const t = instantArgument(at, 'at');
  const revision = revisions[revisionIndexAt(starts, t)] as ScheduleRevisionInput;
  return onCallAtCompiled(compileSchedule(revision.schedule, overrides), t);
}

/**
 * `shifts` over a range that may span revisions: each revision's own shifts over
 * the part of [from, to) where it is in force, joined. At a revision boundary the
 * interval before and the one after are one interval when nothing a reader could
 * tell apart changed there: the same users and (with merge 'reason') the same
 * reason, e.g. an override running across the edit, or a layer the edit did not
 * touch. Otherwise the boundary is visible as an interval boundary.
 *
 * Throws AppError('validation_failed') as `shifts` does, and for an empty or
 * unordered revision list (a bug in the caller: stored revisions are ordered).
 */
export function shiftsAcrossRevisions(
  revisions: readonly ScheduleRevisionInput[],
  overrides: readonly ScheduleOverride[],
  from: InstantInput,
  to: InstantInput,
  opts: ShiftsOptions = {},
): RevisionShiftsResult {
  const starts = revisionStarts(revisions);
  const f = instantArgument(from, 'from');
  const t = instantArgument(to, 'to');
  if (t <= f) {
    throw new AppError('validation_failed', `Invalid range: to (${String(to)}) must be after from (${String(from)})`, [
      { path: 'to', message: 'must be after from' },
    ]);
  }
  const merge = opts.merge ?? 'reason';
  const result: RevisionShiftsResult = { from: formatInstant(f), to: formatInstant(t), shifts: [] };
  if (opts.layers) result.layers = [];
  for (let i = revisionIndexAt(starts, f); i < revisions.length; i++) {
    // the part of [f, t) where revision i is in force; a revision superseded at the
    // same instant it began is in force nowhere and is skipped
    const a = Math.max(f, i === 0 ? -Infinity : (starts[i] as number));
    const next = starts[i + 1];
    const b = Math.min(t, next === undefined ? Infinity : next);
    if (a >= t) break;
    if (b <= a) continue;
    const part = shiftsCompiled(compileSchedule((revisions[i] as ScheduleRevisionInput).schedule, overrides), a, b, opts);
    joinShifts(result.shifts, part.shifts, merge);
    for (const layer of part.layers ?? []) {
      result.layers?.push({ ...layer, revisionIndex: i, from: formatInstant(a), to: formatInstant(b) });
    }
  }
  return result;
}

/** The gaps (nobody on call) of [from, to) across revisions, merged and in order. */
export function gapsAcrossRevisions(
  revisions: readonly ScheduleRevisionInput[],
  overrides: readonly ScheduleOverride[],
  from: InstantInput,
  to: InstantInput,
): Interval[] {
  return shiftsAcrossRevisions(revisions, overrides, from, to)
    .shifts.filter((s) => s.users.length === 0)
    .map(({ start, end }) => ({ start, end }));
}

function revisionStarts(revisions: readonly ScheduleRevisionInput[]): number[] {
  if (!Array.isArray(revisions) || revisions.length === 0) {
    throw new AppError('validation_failed', 'A schedule needs at least one revision', [{ path: 'revisions', message: 'must not be empty' }]);
  }
  const starts = revisions.map((r, i) => instantArgument(r.effectiveFrom, `revisions.${i}.effectiveFrom`));
  for (let i = 1; i < starts.length; i++) {
    if ((starts[i] as number) < (starts[i - 1] as number)) {
      throw new AppError('validation_failed', `Revisions must be in effectiveFrom order: revision ${i} begins before revision ${i - 1}`, [
        { path: `revisions.${i}.effectiveFrom`, message: 'must not be before the previous revision' },
      ]);
    }
  }
  return starts;
}

/** Appends `next` (which begins where `out` ends) to `out`, joining the two intervals at the seam when they read as one. */
function joinShifts(out: ScheduleShift[], next: readonly ScheduleShift[], merge: 'reason' | 'user'): void {
  const last = out[out.length - 1];
  const first = next[0];
  if (last && first && last.end === first.start && sameUsers(last.users, first.users)) {
    const lastReason = last.because[last.because.length - 1];
    const firstReason = first.because[0];
    const bothGaps = last.users.length === 0;
    const sameReason = lastReason !== undefined && firstReason !== undefined && sameOnCallReason(lastReason, firstReason);
    if (bothGaps || merge === 'user' || sameReason) {
      last.end = first.end;
      last.because = [...last.because, ...(sameReason ? first.because.slice(1) : first.because)];
      out.push(...next.slice(1));
      return;
    }
  }
  out.push(...next);
}

function sameUsers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((u, k) => u === b[k]);
}

/** The same override, or the same rotation shift of a layer that reads the same in both revisions. */
function sameOnCallReason(a: OnCallReason, b: OnCallReason): boolean {
  if (a.kind === 'override' && b.kind === 'override') return a.overrideIndex === b.overrideIndex;
  if (a.kind === 'layer' && b.kind === 'layer') {
    return (
      a.layerIndex === b.layerIndex &&
      a.layerId === b.layerId &&
      a.layerName === b.layerName &&
      a.userId === b.userId &&
      a.memberIndex === b.memberIndex &&
      a.shiftNumber === b.shiftNumber &&
      a.shiftStart === b.shiftStart &&
      a.shiftEnd === b.shiftEnd
    );
  }
  return false;
}
