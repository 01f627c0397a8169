import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { deleteTeamById } from '@heinrich/db/teams/delete-team-by-id';
import { lockTeam } from '@heinrich/db/teams/lock-team';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { teamSnapshot } from './team-summary';

/**
 * Deletes the team (admins only). Its services and escalation policies stay,
 * without a team (admins only from then on); its memberships go, and so do the
 * API keys limited to it (ON DELETE CASCADE: a key must not widen to every team).
 */
export async function deleteTeam(ctx: Context, principal: Principal, id: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const before = await lockTeam(tx, id);
    if (!before) throw AppError.notFound('Team', id);
    requireAllowed(principal, 'team.delete', { team: { id, name: before.name } });
    await deleteTeamById(tx, id);
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'team.delete',
      entityType: 'team',
      entityId: id,
      before: teamSnapshot(before),
      after: null,
    });
  });
}
