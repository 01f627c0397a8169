import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { lockRow } from '@heinrich/db/lock-row';
import { recordAudit } from '../audit/record-audit';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { TEAM_SUMMARY, teamSnapshot } from './team-summary';

/**
 * Deletes the team (admins only). Its services and escalation policies stay,
 * without a team (admins only from then on); its memberships go, and so do the
 * API keys limited to it (ON DELETE CASCADE: a key must not widen to every team).
 */
export async function deleteTeam(ctx: Context, principal: Principal, id: string): Promise<void> {
  await ctx.db.prisma.$transaction(async (tx) => {
    if (!(await lockRow(tx, 'teams', id))) throw AppError.notFound('Team', id);
    const before = await tx.team.findUniqueOrThrow({ where: { id }, select: TEAM_SUMMARY });
    requireAllowed(principal, 'team.delete', { team: { id, name: before.name } });
    await tx.team.delete({ where: { id } });
    await recordAudit(tx, auditActorOf(principal), {
      action: 'team.delete',
      entityType: 'team',
      entityId: id,
      before: teamSnapshot(before),
      after: null,
    });
  });
}
