import type { TeamRef } from '@heinrich/core/authz/authorize';
import type { Principal } from '@heinrich/core/authz/principal';
import type { Queryable } from '@heinrich/db/queryable';
import { findTeamRef } from '@heinrich/db/teams/find-team-ref';
import { requireAllowed } from '../authz/require-allowed';
import { findServiceOwner } from '../services/find-service-owner';

/**
 * `maintenance_window.manage` for a window covering `serviceIds` and owned by
 * `teamId`: leads of every team involved, or admins (404 for an unknown service).
 */
export async function authorizeMaintenanceWindow(q: Queryable, principal: Principal, w: { reason: string; serviceIds: readonly string[]; teamId: string | null }): Promise<void> {
  const teams: (TeamRef | null)[] = [];
  for (const id of w.serviceIds) teams.push((await findServiceOwner(q, id)).team);
  if (w.teamId) {
    const team = await findTeamRef(q, w.teamId);
    if (team) teams.push(team);
  }
  requireAllowed(principal, 'maintenance_window.manage', { window: JSON.stringify(w.reason), teams });
}
