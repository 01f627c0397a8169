import type { CompiledLayer } from './compile-schedule';
import type { TimeZone } from './time-zone';

/** One shift of a layer's rotation, [start, end) in epoch ms, before restrictions and the layer's end. */
export interface RotationShift {
  /** 0 for the shift beginning at the layer's start */
  number: number;
  memberIndex: number;
  start: number;
  end: number;
}

/**
 * Where shift `i` begins.
 *
 * - hourly/custom: start + i x length, exact elapsed time (a 12 h shift across the
 *   spring change still lasts 12 h, it just reads 08:00-21:00 on the wall).
 * - daily/weekly: the start's wall clock in the schedule's zone plus i x length days
 *   or weeks, turned back into an instant with the "compatible" rule (time-zone.ts):
 *   a 09:00 handoff stays 09:00 local across DST (the shift around the change is
 *   23 h or 25 h long), a 02:30 handoff on the spring day happens at 03:30, on the
 *   autumn day at the first 02:30. Shift 0 begins at the start instant itself (which
 *   matters only when it is the second of two ambiguous 02:30s).
 *
 * Consecutive boundaries are non-decreasing; they coincide only when a whole
 * local day vanishes (Pacific/Apia, 2011-12-30): that shift has zero length and
 * nobody ever has it.
 */
export function shiftBoundary(layer: CompiledLayer, zone: TimeZone, i: number): number {
  if (layer.exactMs > 0) return layer.start + i * layer.exactMs;
  if (i === 0) return layer.start;
  return zone.instantOf(layer.startWall + i * layer.periodWallMs);
}

/** The rotation shift containing instant `t`, or null before the layer's start. */
export function rotationShiftAt(layer: CompiledLayer, zone: TimeZone, t: number): RotationShift | null {
  if (t < layer.start) return null;
  let i: number;
  let start: number;
  let end: number;
  if (layer.exactMs > 0) {
    i = Math.floor((t - layer.start) / layer.exactMs);
    start = shiftBoundary(layer, zone, i);
    end = shiftBoundary(layer, zone, i + 1);
  } else {
    // estimate from wall clocks, then step to the shift whose [start, end) holds t
    i = Math.max(0, Math.floor((zone.wallAt(t) - layer.startWall) / layer.periodWallMs));
    start = shiftBoundary(layer, zone, i);
    while (i > 0 && start > t) {
      i--;
      start = shiftBoundary(layer, zone, i);
    }
    end = shiftBoundary(layer, zone, i + 1);
    while (end <= t) {
      i++;
      start = end;
      end = shiftBoundary(layer, zone, i + 1);
    }
  }
  return { number: i, memberIndex: i % layer.members.length, start, end };
}

/** The rotation shifts of positive length overlapping [from, to), in order, not clipped. */
export function rotationShifts(layer: CompiledLayer, zone: TimeZone, from: number, to: number): RotationShift[] {
  const out: RotationShift[] = [];
  const first = rotationShiftAt(layer, zone, Math.max(from, layer.start));
  if (!first) return out;
  let { number: i, start, end } = first;
  while (start < to) {
    if (end > start) out.push({ number: i, memberIndex: i % layer.members.length, start, end });
    i++;
    start = end;
    end = shiftBoundary(layer, zone, i + 1);
  }
  return out;
}
