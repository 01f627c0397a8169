import { AppError } from '@heinrich/core/app-error';
import { findScheduleWithRevision } from '@heinrich/db/schedules/find-schedule-with-revision';
import { listSchedulesWithRevision } from '@heinrich/db/schedules/list-schedules-with-revision';
import type { ScheduleWithRevision } from '@heinrich/db/schedules/schedule-with-revision';
import type { Queryable } from '@heinrich/db/queryable';
import { toLayerDefinitions, type LayerInput, type ScheduleRecord } from './schedule-record';

/** Schedules by id with their current revision, in no particular order; missing ids are absent. */
export async function findSchedules(q: Queryable, ids: readonly string[]): Promise<ScheduleRecord[]> {
  return (await listSchedulesWithRevision(q, ids)).map(toRecord);
}

/** The schedule with its current revision, or a 404 naming the id. */
export async function findSchedule(q: Queryable, id: string): Promise<ScheduleRecord> {
  const row = await findScheduleWithRevision(q, id);
  if (!row) throw AppError.notFound('Schedule', id);
  return toRecord(row);
}

function toRecord(row: ScheduleWithRevision): ScheduleRecord {
  return {
    id: row.id,
    teamId: row.teamId,
    name: row.name,
    description: row.description,
    timeZone: row.timeZone,
    // rebuilt in the API's field order (jsonb keeps keys in its own order)
    layers: toLayerDefinitions(row.revision.layers as LayerInput[]),
    version: row.version,
    effectiveFrom: row.revision.effectiveFrom,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
