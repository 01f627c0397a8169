import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import type { MaintenanceRecurrence } from '@heinrich/core/maintenance/maintenance-window';
import { validateMaintenanceWindow } from '@heinrich/core/maintenance/validate-maintenance-window';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import type { MaintenanceWindowRow } from '@heinrich/db/maintenance/maintenance-window-row';
import { existingServiceIds, insertMaintenanceWindow } from '@heinrich/db/maintenance/write-maintenance-window';
import { teamExists } from '@heinrich/db/teams/team-exists';
import { withTransaction } from '@heinrich/db/with-transaction';
import type { Context } from '../context';
import { throwIfInvalid } from '../schedules/invalid-request';
import { authorizeMaintenanceWindow } from './authorize-maintenance-window';
import { maintenanceWindowSnapshot } from './maintenance-window-spec';

export interface NewMaintenanceWindowInput {
  serviceIds: string[];
  /** ISO instants as the contract normalized them; start defaults to now */
  start?: string | undefined;
  end?: string | null | undefined;
  recurrence?: MaintenanceRecurrence | null | undefined;
  reason: string;
  matchers?: string[] | undefined;
  teamId?: string | null | undefined;
  /** announce its starts and ends in the Slack channels of the services' policies (default true) */
  announce?: boolean | undefined;
}

/**
 * A new maintenance window (docs/maintenance-windows.md). Validated by core
 * (end after start, a known zone, matchers that parse: 400 naming the
 * field); unknown services and teams are 400s at `serviceIds.N` / `teamId`;
 * leads of every team involved (or admins) may create it; audit-logged.
 */
export async function createMaintenanceWindow(ctx: Context, principal: Principal, input: NewMaintenanceWindowInput): Promise<MaintenanceWindowRow> {
  const now = ctx.now();
  const start = input.start ? new Date(input.start) : now;
  const end = input.end ? new Date(input.end) : null;
  const recurrence = input.recurrence ?? null;
  const serviceIds = [...new Set(input.serviceIds)];
  const matchers = input.matchers ?? [];
  throwIfInvalid(validateMaintenanceWindow({ reason: input.reason, start: start.getTime(), end: end?.getTime() ?? null, recurrence, serviceIds, matchers }));
  return withTransaction(ctx.db, async (tx) => {
    const known = await existingServiceIds(tx, serviceIds);
    throwIfInvalid(input.serviceIds.flatMap((id, i) => (known.has(id) ? [] : [{ path: `serviceIds.${i}`, message: `is not a service: ${id}` }])));
    if (input.teamId && !(await teamExists(tx, input.teamId))) throwIfInvalid([{ path: 'teamId', message: `is not a team: ${input.teamId}` }]);
    await authorizeMaintenanceWindow(tx, principal, { reason: input.reason, serviceIds, teamId: input.teamId ?? null });
    const created = await insertMaintenanceWindow(
      tx,
      { reason: input.reason, serviceIds, matchers, teamId: input.teamId ?? null, startsAt: start, endsAt: end, recurrence, announce: input.announce ?? true, createdBy: principal.display },
      now,
    );
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'maintenance_window.create',
      entityType: 'maintenance_window',
      entityId: created.id,
      before: null,
      after: maintenanceWindowSnapshot(created),
    });
    return created;
  });
}

export function notFound(id: string): AppError {
  return AppError.notFound('Maintenance window', id);
}
