import type { ScheduleJson } from '@heinrich/contracts/schedules';
import type { ScheduleRecord } from '@heinrich/usecases/schedules/schedule-record';
import type { Response } from 'express';

/** A schedule as the API shows it. */
export function scheduleJson(s: ScheduleRecord): ScheduleJson {
  return {
    id: s.id,
    teamId: s.teamId,
    name: s.name,
    description: s.description,
    timeZone: s.timeZone,
    layers: s.layers.map((l) => ({ ...l })),
    version: s.version,
    effectiveFrom: s.effectiveFrom.toISOString(),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/**
 * Answers with the schedule and its version as a strong ETag (`"3"`), which a
 * PATCH sends back in If-Match (if-match.ts).
 */
export function sendSchedule(res: Response, s: ScheduleRecord, status = 200): void {
  res.status(status).setHeader('ETag', `"${s.version}"`).json(scheduleJson(s));
}
