import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { findIntegrationKeySummary } from '@heinrich/db/integration-keys/find-integration-key-summary';
import { revokeIntegrationKeyById } from '@heinrich/db/integration-keys/revoke-integration-key-by-id';
import { lockRow } from '@heinrich/db/lock-row';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { findServiceOwner } from '../services/find-service-owner';
import { integrationKeySnapshot } from './integration-key-snapshot';

/**
 * Revokes a key: senders presenting it get 401 from the next request on
 * (authentication reads revoked_at every time). Revoking a revoked key keeps
 * the first revokedAt, is not an error, and is not a change (no audit entry).
 */
export async function revokeIntegrationKey(ctx: Context, principal: Principal, serviceId: string, keyId: string): Promise<void> {
  const owner = await findServiceOwner(ctx.db.pool, serviceId);
  requireAllowed(principal, 'integration_key.revoke', { service: owner.name, team: owner.team });
  await withTransaction(ctx.db, async (tx) => {
    await lockRow(tx, 'integration_keys', keyId);
    const before = await findIntegrationKeySummary(tx, serviceId, keyId);
    if (!before) throw AppError.notFound('Integration key', keyId);
    if (before.revokedAt) return;
    const after = await revokeIntegrationKeyById(tx, keyId, ctx.now());
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'integration_key.revoke',
      entityType: 'integration_key',
      entityId: keyId,
      before: integrationKeySnapshot(before),
      after: integrationKeySnapshot(after),
    });
  });
}
