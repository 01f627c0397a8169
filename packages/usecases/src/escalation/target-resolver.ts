import type { EscalationNames } from '@heinrich/core/escalation/describe-escalation';
import type { TargetResolver } from '@heinrich/core/escalation/resolve-step-targets';
import { onCallAt } from '@heinrich/core/schedule/on-call-at';
import type { TargetData } from '@heinrich/db/escalation/load-target-data';
import { toCoreSchedule, toLayerDefinitions, type LayerInput } from '../schedules/schedule-record';

/**
 * The core's TargetResolver over data loaded for one instant (loadTargetData):
 * on-call answers come from THE resolver (onCallAt) on the revision in force
 * and the overrides covering the instant. `onBadSchedule`: a stored schedule
 * the resolver refuses (corrupt data) counts as missing, and is reported.
 */
export function targetResolver(data: TargetData, teamId: string | null, onBadSchedule: (id: string, err: unknown) => void): TargetResolver {
  return {
    scheduleOnCall(id, at) {
      const s = data.schedules.get(id);
      if (!s) return null;
      try {
        const schedule = toCoreSchedule(id, s.timeZone, toLayerDefinitions(s.layers as LayerInput[]));
        const overrides = s.overrides.map((o) => ({ id: o.id, userId: o.userId, start: o.startsAt.toISOString(), end: o.endsAt.toISOString() }));
        return onCallAt(schedule, overrides, at);
      } catch (err) {
        onBadSchedule(id, err);
        return null;
      }
    },
    userExists: (id) => data.users.has(id),
    teamLeads: (id) => (id === teamId ? data.leads : []),
  };
}

export function targetNames(data: TargetData): EscalationNames {
  return {
    user: (id) => data.users.get(id) ?? id,
    schedule: (id) => data.schedules.get(id)?.name ?? id,
    team: (id) => data.teamName ?? id,
  };
}
