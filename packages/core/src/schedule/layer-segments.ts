import type { CompiledLayer } from './compile-schedule';
import { formatInstant } from './parse-instant';
import type { TimeWindow } from './restriction-windows';
import { restrictionWindows } from './restriction-windows';
import type { RotationShift } from './rotation-shift';
import { rotationShiftAt, rotationShifts } from './rotation-shift';
import type { LayerEmptyReason, LayerOnCall, LayerShiftReason } from './schedule';
import type { TimeZone } from './time-zone';

/** A stretch [start, end) (epoch ms) where one layer has someone. */
export interface LayerSegment {
  layer: CompiledLayer;
  shift: RotationShift;
  start: number;
  end: number;
}

/**
 * Where one layer has someone within [from, to), clipped to it, in order: its
 * rotation shifts, cut to [layer start, layer end) and to the union of its
 * restriction windows. Restrictions mask, they do not pause the rotation: the
 * handoffs happen on time whether or not a window is open, and whoever holds the
 * shift is on call only while a window is. Pieces of one shift stay separate when
 * a window closes between them.
 */
export function layerSegments(layer: CompiledLayer, zone: TimeZone, from: number, to: number): LayerSegment[] {
  const a = Math.max(from, layer.start);
  const b = Math.min(to, layer.end);
  const out: LayerSegment[] = [];
  if (a >= b) return out;
  const shifts = rotationShifts(layer, zone, a, b);
  if (layer.restrictions.length === 0) {
    for (const shift of shifts) out.push({ layer, shift, start: Math.max(shift.start, a), end: Math.min(shift.end, b) });
    return out;
  }
  const windows = restrictionWindows(layer.restrictions, zone, a, b);
  // both lists are sorted and non-overlapping: intersect with two cursors
  let w = 0;
  for (const shift of shifts) {
    const s0 = Math.max(shift.start, a);
    const s1 = Math.min(shift.end, b);
    while (w < windows.length && (windows[w] as { end: number }).end <= s0) w++;
    for (let k = w; k < windows.length; k++) {
      const win = windows[k] as { start: number; end: number };
      if (win.start >= s1) break;
      const start = Math.max(s0, win.start);
      const end = Math.min(s1, win.end);
      if (end > start) out.push({ layer, shift, start, end });
    }
  }
  return out;
}

/** One layer's own answer at instant `t`. Agrees with layerSegments by construction (same shifts, same windows). */
export function layerAt(layer: CompiledLayer, zone: TimeZone, t: number): LayerOnCall {
  let empty: LayerEmptyReason | null = null;
  if (t < layer.start) empty = 'before-start';
  else if (t >= layer.end) empty = 'after-end';
  else if (layer.restrictions.length > 0 && !insideWindow(restrictionWindows(layer.restrictions, zone, t, t + 1), t)) {
    empty = 'outside-restrictions';
  }
  const shift = empty ? null : layerShiftReason(layer, rotationShiftAt(layer, zone, t) as RotationShift);
  return { layerIndex: layer.index, layerId: layer.id, layerName: layer.name, users: shift ? [shift.userId] : [], shift, empty };
}

function insideWindow(windows: readonly TimeWindow[], t: number): boolean {
  for (const w of windows) if (w.start <= t && t < w.end) return true;
  return false;
}

export function layerShiftReason(layer: CompiledLayer, shift: RotationShift): LayerShiftReason {
  return {
    kind: 'layer',
    layerIndex: layer.index,
    layerId: layer.id,
    layerName: layer.name,
    userId: layer.members[shift.memberIndex] as string,
    memberIndex: shift.memberIndex,
    shiftNumber: shift.number,
    shiftStart: formatInstant(shift.start),
    shiftEnd: formatInstant(shift.end),
  };
}
