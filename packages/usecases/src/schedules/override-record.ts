import type { OverrideRecord } from '@heinrich/db/schedules/override-record';

export type { OverrideRecord };

/** An override as the audit log records it. */
export function overrideSnapshot(o: OverrideRecord) {
  return { id: o.id, scheduleId: o.scheduleId, userId: o.userId, start: o.startsAt.toISOString(), end: o.endsAt.toISOString() };
}
