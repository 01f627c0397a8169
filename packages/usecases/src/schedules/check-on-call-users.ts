import type { FieldProblem } from '@heinrich/core/app-error';
import type { TeamRef } from '@heinrich/core/authz/authorize';
import type { Queryable } from '@heinrich/db/queryable';
import { listUsersWithTeamRole } from '@heinrich/db/users/list-users-with-team-role';
import { throwIfInvalid } from './invalid-request';

/** A user put on call, and where in the request (`layers.0.members.2`, `userId`). */
export interface OnCallUserRef {
  path: string;
  userId: string;
}

/**
 * Everyone a schedule puts on call must exist and be able to act on the pages it
 * brings: a responder or lead of the schedule's team, or an admin (who may act
 * on every incident). A viewer, or someone outside the team, could be paged but
 * could not acknowledge the team's incidents (docs/authorization.md). A 400
 * naming each offending field otherwise.
 */
export async function checkOnCallUsers(q: Queryable, team: TeamRef, refs: readonly OnCallUserRef[]): Promise<void> {
  if (refs.length === 0) return;
  const users = await listUsersWithTeamRole(q, [...new Set(refs.map((r) => r.userId))], team.id);
  const byId = new Map(users.map((u) => [u.id, u]));
  const fields: FieldProblem[] = [];
  for (const { path, userId } of refs) {
    const user = byId.get(userId);
    if (!user) {
      fields.push({ path, message: `refers to user ${userId}, which does not exist` });
      continue;
    }
    const teamRole = user.teams[0]?.role;
    if (user.role === 'admin' || teamRole === 'lead' || teamRole === 'responder') continue;
    fields.push({
      path,
      message: teamRole
        ? `refers to ${user.name} (${userId}), a viewer of team ${team.name}: only responders, leads and admins can be on call (they acknowledge its incidents)`
        : `refers to ${user.name} (${userId}), who is not in team ${team.name}: add them as a responder first, so they can acknowledge its incidents`,
    });
  }
  throwIfInvalid(fields);
}

/** Every layer member, with its path in the request body. */
export function layerMemberRefs(layers: readonly { members: readonly string[] }[]): OnCallUserRef[] {
  return layers.flatMap((layer, i) => layer.members.map((userId, k) => ({ path: `layers.${i}.members.${k}`, userId })));
}
