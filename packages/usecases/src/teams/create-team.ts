import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { insertTeam } from '@heinrich/db/teams/insert-team';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { isUniqueViolation } from '../unique-violation';
import { checkTeamMembers, type TeamMemberInput } from './check-team-members';
import { teamSnapshot, type TeamSummary } from './team-summary';

/** A new team with its members (admins only). Team names are unique. */
export async function createTeam(
  ctx: Context,
  principal: Principal,
  input: { name: string; members: TeamMemberInput[] },
): Promise<TeamSummary> {
  requireAllowed(principal, 'team.create', { team: input.name });
  try {
    return await withTransaction(ctx.db, async (tx) => {
      await checkTeamMembers(tx, input.members);
      const team = await insertTeam(tx, input);
      await insertAuditEntry(tx, auditActorOf(principal), {
        action: 'team.create',
        entityType: 'team',
        entityId: team.id,
        before: null,
        after: teamSnapshot(team),
      });
      return team;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw teamNameTaken(input.name);
    throw err;
  }
}

export function teamNameTaken(name: string): AppError {
  return new AppError('conflict', `A team named ${name} already exists`, [{ path: 'name', message: 'is taken by another team' }]);
}
