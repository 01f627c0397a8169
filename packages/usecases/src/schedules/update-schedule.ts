import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, principalId, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { insertScheduleRevision } from '@heinrich/db/schedules/insert-schedule-revision';
import { lockSchedule } from '@heinrich/db/schedules/lock-schedule';
import { updateScheduleSettings } from '@heinrich/db/schedules/update-schedule-settings';
import { getTeamRef } from '@heinrich/db/teams/get-team-ref';
import { withTransaction } from '@heinrich/db/with-transaction';
import { isDeepStrictEqual } from 'node:util';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { checkOnCallUsers, layerMemberRefs } from './check-on-call-users';
import { checkScheduleDefinition } from './check-schedule-definition';
import { findSchedule } from './find-schedule';
import { toLayerDefinitions, type LayerInput, type ScheduleRecord } from './schedule-record';
import { scheduleSnapshot } from './schedule-snapshot';

export interface ScheduleChanges {
  name?: string;
  description?: string | null;
  timeZone?: string;
  /** replaces the whole list */
  layers?: LayerInput[];
}

/**
 * The version an edit is based on, as the caller stated it. At least one is
 * required: an edit that names no version would silently overwrite a change it
 * never saw (two leads editing at once), so it is refused with 428.
 */
export interface EditPrecondition {
  /** If-Match: the versions its strong ETags name, or '*' (any); absent without the header */
  ifMatch?: number[] | '*';
  /** `version` in the body */
  version?: number;
}

/**
 * Changes a schedule (leads of its team, or admins). Checked in this order:
 * 404, 403, 428 (no version stated), 412 (If-Match names another version), 409
 * (`version` is another), 400 (the changed definition).
 *
 * A change of layers or time zone appends a revision effective now (never before
 * the current revision's start, so a replica with a slow clock cannot rewrite
 * history): from then on the new layers answer, and every instant before keeps
 * the answer it had. Name and description are not history: they just change.
 * Every change adds one to `version`; changing nothing writes nothing.
 */
export async function updateSchedule(
  ctx: Context,
  principal: Principal,
  id: string,
  changes: ScheduleChanges,
  precondition: EditPrecondition,
): Promise<ScheduleRecord> {
  return withTransaction(ctx.db, async (tx) => {
    const locked = await lockSchedule(tx, id);
    if (!locked) throw AppError.notFound('Schedule', id);
    const before = await findSchedule(tx, id);
    const team = await getTeamRef(tx, before.teamId);
    requireAllowed(principal, 'schedule.update', { schedule: before.name, team });
    checkPrecondition(before, precondition);

    const timeZone = changes.timeZone ?? before.timeZone;
    const layers = changes.layers ? toLayerDefinitions(changes.layers) : before.layers;
    const newRevision = timeZone !== before.timeZone || !isDeepStrictEqual(layers, before.layers);
    const renamed = changes.name !== undefined && changes.name !== before.name;
    const described = changes.description !== undefined && changes.description !== before.description;
    if (!newRevision && !renamed && !described) return before;

    const version = before.version + 1;
    if (newRevision) {
      checkScheduleDefinition(timeZone, layers);
      // everyone on call must (still) be able to act on the pages: only the layers given are checked
      if (changes.layers) await checkOnCallUsers(tx, team, layerMemberRefs(layers));
      const now = ctx.now();
      await insertScheduleRevision(tx, {
        scheduleId: id,
        version,
        effectiveFrom: now > before.effectiveFrom ? now : before.effectiveFrom,
        timeZone,
        layers,
        createdBy: principalId(principal),
      });
    }
    await updateScheduleSettings(tx, id, {
      version,
      timeZone,
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
    });
    const after = await findSchedule(tx, id);
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'schedule.update',
      entityType: 'schedule',
      entityId: id,
      before: scheduleSnapshot(before),
      after: scheduleSnapshot(after),
    });
    return after;
  });
}

function checkPrecondition(schedule: ScheduleRecord, pre: EditPrecondition): void {
  const current = schedule.version;
  if (pre.ifMatch === undefined && pre.version === undefined) {
    throw new AppError(
      'precondition_required',
      `Cannot change schedule ${schedule.name} without the version the change is based on: send If-Match: "${current}" (the ETag of GET) or "version": ${current} in the body, after checking that version is what you edited`,
    );
  }
  if (pre.ifMatch !== undefined && pre.ifMatch !== '*' && !pre.ifMatch.includes(current)) {
    throw new AppError(
      'precondition_failed',
      `Schedule ${schedule.name} was changed since the version in If-Match: it is at version ${current} now; GET it again and reapply your change`,
    );
  }
  if (pre.version !== undefined && pre.version !== current) {
    throw new AppError(
      'conflict',
      `Cannot change schedule ${schedule.name}: the change is based on version ${pre.version}, but someone changed it since (now version ${current}); GET it again and reapply your change`,
    );
  }
}
