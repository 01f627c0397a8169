import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { getApiKeySummary } from '@heinrich/db/api-keys/get-api-key-summary';
import { revokeApiKeyById } from '@heinrich/db/api-keys/revoke-api-key-by-id';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { lockRow } from '@heinrich/db/lock-row';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { apiKeySnapshot } from './api-key-summary';

/**
 * Revokes a key (admins only): it gets 401 from the next request on.
 * Revoking a revoked key keeps the first revokedAt and records nothing.
 */
export async function revokeApiKey(ctx: Context, principal: Principal, id: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    if (!(await lockRow(tx, 'api_keys', id))) throw AppError.notFound('API key', id);
    const before = await getApiKeySummary(tx, id);
    requireAllowed(principal, 'api_key.revoke', { apiKey: before.name });
    if (before.revokedAt) return;
    const after = await revokeApiKeyById(tx, id, ctx.now());
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'api_key.revoke',
      entityType: 'api_key',
      entityId: id,
      before: apiKeySnapshot(before),
      after: apiKeySnapshot(after),
    });
  });
}
