import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { lockRow } from '@heinrich/db/lock-row';
import { recordAudit } from '../audit/record-audit';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { API_KEY_SUMMARY, apiKeySnapshot } from './api-key-summary';

/**
 * Revokes a key (admins only): it gets 401 from the next request on.
 * Revoking a revoked key keeps the first revokedAt and records nothing.
 */
export async function revokeApiKey(ctx: Context, principal: Principal, id: string): Promise<void> {
  await ctx.db.prisma.$transaction(async (tx) => {
    if (!(await lockRow(tx, 'api_keys', id))) throw AppError.notFound('API key', id);
    const before = await tx.apiKey.findUniqueOrThrow({ where: { id }, select: API_KEY_SUMMARY });
    requireAllowed(principal, 'api_key.revoke', { apiKey: before.name });
    if (before.revokedAt) return;
    const after = await tx.apiKey.update({ where: { id }, data: { revokedAt: ctx.now() }, select: API_KEY_SUMMARY });
    await recordAudit(tx, auditActorOf(principal), {
      action: 'api_key.revoke',
      entityType: 'api_key',
      entityId: id,
      before: apiKeySnapshot(before),
      after: apiKeySnapshot(after),
    });
  });
}
