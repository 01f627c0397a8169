import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { lockRow } from '@heinrich/db/lock-row';
import { recordAudit } from '../audit/record-audit';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { findServiceOwner } from '../services/find-service-owner';
import { integrationKeySnapshot } from './integration-key-snapshot';
import { INTEGRATION_KEY_SUMMARY } from './integration-key-summary';

/**
 * Revokes a key: senders presenting it get 401 from the next request on
 * (authentication reads revoked_at every time). Revoking a revoked key keeps
 * the first revokedAt, is not an error, and is not a change (no audit entry).
 */
export async function revokeIntegrationKey(ctx: Context, principal: Principal, serviceId: string, keyId: string): Promise<void> {
  const owner = await findServiceOwner(ctx.db.pool, serviceId);
  requireAllowed(principal, 'integration_key.revoke', { service: owner.name, team: owner.team });
  await ctx.db.prisma.$transaction(async (tx) => {
    await lockRow(tx, 'integration_keys', keyId);
    const before = await tx.integrationKey.findFirst({ where: { id: keyId, serviceId }, select: INTEGRATION_KEY_SUMMARY });
    if (!before) throw AppError.notFound('Integration key', keyId);
    if (before.revokedAt) return;
    const after = await tx.integrationKey.update({ where: { id: keyId }, data: { revokedAt: ctx.now() }, select: INTEGRATION_KEY_SUMMARY });
    await recordAudit(tx, auditActorOf(principal), {
      action: 'integration_key.revoke',
      entityType: 'integration_key',
      entityId: keyId,
      before: integrationKeySnapshot(before),
      after: integrationKeySnapshot(after),
    });
  });
}
