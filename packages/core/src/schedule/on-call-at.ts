import { compileSchedule, instantArgument } from './compile-schedule';
import type { CompiledSchedule } from './compile-schedule';
import { layerAt } from './layer-segments';
import { formatInstant } from './parse-instant';
import type { InstantInput, LayerOnCall, OnCall, OnCallReason, Schedule, ScheduleOverride } from './schedule';

/**
 * Who is on call at instant `at`: THE answer the escalation engine, the API, the
 * UI, Slack and calendar feeds all use (docs/schedules.md). Pure: `at` is an
 * argument, never the clock.
 *
 * One person at a time (PagerDuty semantics): an override covering `at`
 * ([start, end): on at its start, off at its end) wins over every layer, the later
 * one in `overrides` when several do; otherwise the highest layer (last in
 * `schedule.layers`) that has someone at `at`; otherwise nobody. `because` says
 * which, `layers` what every layer would have said on its own.
 *
 * Throws AppError('validation_failed') for an unusable schedule, override or `at`.
 */
export function onCallAt(schedule: Schedule, overrides: readonly ScheduleOverride[], at: InstantInput): OnCall {
  const t = instantArgument(at, 'at');
  return onCallAtCompiled(compileSchedule(schedule, overrides), t);
}

/** onCallAt on an already compiled schedule, `t` in epoch ms. */
export function onCallAtCompiled(compiled: CompiledSchedule, t: number): OnCall {
  const layers: LayerOnCall[] = compiled.layers.map((layer) => layerAt(layer, compiled.zone, t));
  let because: OnCallReason[] = [];
  for (let i = compiled.overrides.length - 1; i >= 0; i--) {
    const o = compiled.overrides[i];
    if (o && o.start <= t && t < o.end) {
      because = [
        { kind: 'override', overrideIndex: o.index, overrideId: o.id, userId: o.userId, start: formatInstant(o.start), end: formatInstant(o.end) },
      ];
      break;
    }
  }
  if (because.length === 0) {
    for (let i = layers.length - 1; i >= 0; i--) {
      const shift = layers[i]?.shift;
      if (shift) {
        because = [shift];
        break;
      }
    }
  }
  return { at: formatInstant(t), users: because.map((r) => r.userId), because, layers };
}
