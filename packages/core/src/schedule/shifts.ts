import { AppError } from '../app-error';
import type { CompiledOverride, CompiledSchedule } from './compile-schedule';
import { compileSchedule, instantArgument } from './compile-schedule';
import type { LayerSegment } from './layer-segments';
import { layerSegments, layerShiftReason } from './layer-segments';
import { formatInstant } from './parse-instant';
import type {
  InstantInput,
  LayerTimeline,
  OnCallReason,
  Schedule,
  ScheduleOverride,
  ScheduleShift,
  ShiftsOptions,
  ShiftsResult,
} from './schedule';

/**
 * The final timeline of [from, to): contiguous, non-overlapping intervals in order
 * that cover the range exactly, the first starting at `from`, the last ending at
 * `to` (cut there even when the shift goes on). `users` is [] for a gap with
 * nobody. At every instant the interval holding it says what onCallAt says (same
 * rules: override > highest layer with someone > nobody). Merging of adjacent
 * intervals: see ShiftsOptions.merge (default: same users AND same reason).
 *
 * Work is linear in the number of shifts, windows and overrides in the range; the
 * range limit (a year, say) is the caller's.
 *
 * Throws AppError('validation_failed') for an unusable schedule, override, `from`,
 * or a `to` not after `from`.
 */
export function shifts(
  schedule: Schedule,
  overrides: readonly ScheduleOverride[],
  from: InstantInput,
  to: InstantInput,
  opts: ShiftsOptions = {},
): ShiftsResult {
  const f = instantArgument(from, 'from');
  const t = instantArgument(to, 'to');
  if (t <= f) {
    throw new AppError('validation_failed', `Invalid range: to (${String(to)}) must be after from (${String(from)})`, [
      { path: 'to', message: 'must be after from' },
    ]);
  }
  return shiftsCompiled(compileSchedule(schedule, overrides), f, t, opts);
}

type Winner = LayerSegment | CompiledOverride;

interface Piece {
  start: number;
  end: number;
  winner: Winner | null;
}

/** shifts on an already compiled schedule, [f, t) in epoch ms with f < t. */
export function shiftsCompiled(compiled: CompiledSchedule, f: number, t: number, opts: ShiftsOptions = {}): ShiftsResult {
  const { zone } = compiled;
  const merge = opts.merge ?? 'reason';
  const perLayer = compiled.layers.map((layer) => layerSegments(layer, zone, f, t));
  const overrides = compiled.overrides.filter((o) => o.end > f && o.start < t).sort((a, b) => a.start - b.start || a.index - b.index);

  // every instant where the answer may change
  let count = 2 + overrides.length * 2;
  for (const segs of perLayer) count += segs.length * 2;
  const points = new Float64Array(count);
  let n = 0;
  points[n++] = f;
  points[n++] = t;
  for (const o of overrides) {
    points[n++] = Math.max(o.start, f);
    points[n++] = Math.min(o.end, t);
  }
  for (const segs of perLayer) {
    for (const s of segs) {
      points[n++] = s.start;
      points[n++] = s.end;
    }
  }
  points.sort();

  const pieces: Piece[] = [];
  const cursor = perLayer.map(() => 0);
  const active: CompiledOverride[] = [];
  let nextOverride = 0;
  for (let k = 0; k < n - 1; k++) {
    const p0 = points[k] as number;
    const p1 = points[k + 1] as number;
    if (p1 === p0) continue;
    while (nextOverride < overrides.length && (overrides[nextOverride] as CompiledOverride).start <= p0) {
      active.push(overrides[nextOverride] as CompiledOverride);
      nextOverride++;
    }
    let winner: Winner | null = null;
    for (let i = active.length - 1; i >= 0; i--) {
      const o = active[i] as CompiledOverride;
      if (o.end <= p0) active.splice(i, 1);
      else if (!winner || o.index > (winner as CompiledOverride).index) winner = o;
    }
    if (!winner) {
      for (let l = perLayer.length - 1; l >= 0; l--) {
        const segs = perLayer[l] as LayerSegment[];
        let c = cursor[l] as number;
        while (c < segs.length && (segs[c] as LayerSegment).end <= p0) c++;
        cursor[l] = c;
        const seg = segs[c];
        if (seg && seg.start <= p0) {
          winner = seg;
          break;
        }
      }
    }
    pieces.push({ start: p0, end: p1, winner });
  }

  const result: ShiftsResult = { from: formatInstant(f), to: formatInstant(t), shifts: mergePieces(pieces, merge) };
  if (opts.layers) {
    result.layers = compiled.layers.map(
      (layer, l): LayerTimeline => ({
        layerIndex: layer.index,
        layerId: layer.id,
        layerName: layer.name,
        shifts: mergePieces(fillGaps(perLayer[l] as LayerSegment[], f, t), merge),
      }),
    );
  }
  return result;
}

/** A layer's own segments with the holes between them as gaps, covering [f, t). */
function fillGaps(segs: readonly LayerSegment[], f: number, t: number): Piece[] {
  const pieces: Piece[] = [];
  let at = f;
  for (const s of segs) {
    if (s.start > at) pieces.push({ start: at, end: s.start, winner: null });
    pieces.push({ start: s.start, end: s.end, winner: s });
    at = s.end;
  }
  if (at < t) pieces.push({ start: at, end: t, winner: null });
  return pieces;
}

function isSegment(w: Winner): w is LayerSegment {
  return 'layer' in w;
}

function userOf(w: Winner | null): string {
  if (!w) return '';
  return isSegment(w) ? (w.layer.members[w.shift.memberIndex] as string) : w.userId;
}

/** What identifies a reason: the same override, or the same rotation shift of the same layer. */
function keyOf(w: Winner | null): string {
  if (!w) return '';
  return isSegment(w) ? `l${w.layer.index}:${w.shift.number}` : `o${w.index}`;
}

function mergePieces(pieces: readonly Piece[], merge: 'reason' | 'user'): ScheduleShift[] {
  const reasons = new Map<string, OnCallReason>();
  const reasonOf = (w: Winner, key: string): OnCallReason => {
    let r = reasons.get(key);
    if (!r) {
      r = isSegment(w)
        ? layerShiftReason(w.layer, w.shift)
        : { kind: 'override', overrideIndex: w.index, overrideId: w.id, userId: w.userId, start: formatInstant(w.start), end: formatInstant(w.end) };
      reasons.set(key, r);
    }
    return r;
  };
  const out: ScheduleShift[] = [];
  type Open = { start: number; end: number; user: string; keys: string[]; winners: (Winner | null)[] };
  let open: Open | null = null;
  const close = (o: Open | null) => {
    if (!o) return;
    const because = o.user === '' ? [] : o.winners.map((w, i) => reasonOf(w as Winner, o.keys[i] as string));
    out.push({ start: formatInstant(o.start), end: formatInstant(o.end), users: o.user === '' ? [] : [o.user], because });
  };
  for (const p of pieces) {
    const user = userOf(p.winner);
    const key = keyOf(p.winner);
    if (open && open.end === p.start && open.user === user && (merge === 'user' || open.keys[0] === key)) {
      open.end = p.end;
      if (open.keys[open.keys.length - 1] !== key) {
        open.keys.push(key);
        open.winners.push(p.winner);
      }
      continue;
    }
    close(open);
    open = { start: p.start, end: p.end, user, keys: [key], winners: [p.winner] };
  }
  close(open);
  return out;
}
