import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { lockTeam } from '@heinrich/db/teams/lock-team';
import { replaceTeamMembers } from '@heinrich/db/teams/replace-team-members';
import { updateTeamName } from '@heinrich/db/teams/update-team-name';
import { withTransaction } from '@heinrich/db/with-transaction';
import { isDeepStrictEqual } from 'node:util';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { isUniqueViolation } from '../unique-violation';
import { checkTeamMembers, type TeamMemberInput } from './check-team-members';
import { teamNameTaken } from './create-team';
import { teamSnapshot, type TeamSummary } from './team-summary';

/**
 * Renames the team and/or replaces its whole membership (`members` is the new
 * set). Leads of the team and admins. Changing nothing writes nothing.
 */
export async function updateTeam(
  ctx: Context,
  principal: Principal,
  id: string,
  changes: { name?: string; members?: TeamMemberInput[] },
): Promise<TeamSummary> {
  try {
    return await withTransaction(ctx.db, async (tx) => {
      const before = await lockTeam(tx, id);
      if (!before) throw AppError.notFound('Team', id);
      requireAllowed(principal, 'team.update', { team: { id, name: before.name } });
      const rename = changes.name !== undefined && changes.name !== before.name;
      const members = changes.members && !sameMembers(before, changes.members) ? changes.members : undefined;
      if (!rename && !members) return before;
      if (members) {
        await checkTeamMembers(tx, members);
        await replaceTeamMembers(tx, id, members);
      }
      // updatedAt moves for a membership change too
      const after = await updateTeamName(tx, id, changes.name ?? before.name, ctx.now());
      await insertAuditEntry(tx, auditActorOf(principal), {
        action: 'team.update',
        entityType: 'team',
        entityId: id,
        before: teamSnapshot(before),
        after: teamSnapshot(after),
      });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err) && changes.name) throw teamNameTaken(changes.name);
    throw err;
  }
}

function sameMembers(team: TeamSummary, members: TeamMemberInput[]): boolean {
  const key = (list: { userId: string; role: string }[]) => list.map((m) => `${m.userId}:${m.role}`).sort();
  return isDeepStrictEqual(key(team.members), key(members));
}
