import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { lockRow } from '@heinrich/db/lock-row';
import { isDeepStrictEqual } from 'node:util';
import { recordAudit } from '../audit/record-audit';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { isUniqueViolation } from '../unique-violation';
import { checkTeamMembers, type TeamMemberInput } from './check-team-members';
import { teamNameTaken } from './create-team';
import { TEAM_SUMMARY, teamSnapshot, type TeamSummary } from './team-summary';

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
    return await ctx.db.prisma.$transaction(async (tx) => {
      if (!(await lockRow(tx, 'teams', id))) throw AppError.notFound('Team', id);
      const before = await tx.team.findUniqueOrThrow({ where: { id }, select: TEAM_SUMMARY });
      requireAllowed(principal, 'team.update', { team: { id, name: before.name } });
      const rename = changes.name !== undefined && changes.name !== before.name;
      const members = changes.members && !sameMembers(before, changes.members) ? changes.members : undefined;
      if (!rename && !members) return before;
      if (members) {
        await checkTeamMembers(tx, members);
        await tx.teamMember.deleteMany({ where: { teamId: id } });
        await tx.teamMember.createMany({ data: members.map((m) => ({ teamId: id, userId: m.userId, role: m.role })) });
      }
      // updatedAt moves for a membership change too
      const after = await tx.team.update({ where: { id }, data: { name: changes.name ?? before.name, updatedAt: ctx.now() }, select: TEAM_SUMMARY });
      await recordAudit(tx, auditActorOf(principal), {
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
