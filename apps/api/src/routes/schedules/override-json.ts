import type { OverrideJson } from '@heinrich/contracts/schedules';
import type { OverrideRecord } from '@heinrich/usecases/schedules/override-record';

/** An override as the API shows it. */
export function overrideJson(o: OverrideRecord): OverrideJson {
  return {
    id: o.id,
    scheduleId: o.scheduleId,
    user: { id: o.userId, name: o.user.name },
    start: o.startsAt.toISOString(),
    end: o.endsAt.toISOString(),
    createdAt: o.createdAt.toISOString(),
    createdBy: o.createdBy,
  };
}
