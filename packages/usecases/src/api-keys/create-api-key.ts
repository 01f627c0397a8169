import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@heinrich/core/alert-group';
import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, principalId, type Principal } from '@heinrich/core/authz/principal';
import { insertApiKey } from '@heinrich/db/api-keys/insert-api-key';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { teamExists } from '@heinrich/db/teams/team-exists';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { apiKeySnapshot, type ApiKeySummary } from './api-key-summary';

export interface NewApiKey {
  name: string;
  role: 'admin' | 'lead' | 'responder' | 'viewer';
  /** null: the role applies to every team (admin keys are always null) */
  teamId: string | null;
}

/** The prefix that tells an API key from the bootstrap key and from integration keys (`hk_`). */
export const API_KEY_PREFIX = 'hka_';

/**
 * A new API key (admins only). The secret (`hka_` + 32 random bytes as
 * base64url) is returned here and nowhere else; the database keeps its SHA-256.
 */
export async function createApiKey(ctx: Context, principal: Principal, input: NewApiKey): Promise<{ key: ApiKeySummary; secret: string }> {
  requireAllowed(principal, 'api_key.create', { apiKey: input.name });
  const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const key = await withTransaction(ctx.db, async (tx) => {
    if (input.teamId && !(await teamExists(tx, input.teamId))) {
      const message = `refers to team ${input.teamId}, which does not exist`;
      throw new AppError('validation_failed', `Request body is invalid: teamId ${message}`, [{ path: 'teamId', message }]);
    }
    const created = await insertApiKey(tx, {
      name: input.name,
      role: input.role,
      teamId: input.teamId,
      secretHash: sha256Hex(secret),
      secretPrefix: secret.slice(0, 8),
      createdBy: principalId(principal),
    });
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'api_key.create',
      entityType: 'api_key',
      entityId: created.id,
      before: null,
      after: apiKeySnapshot(created),
    });
    return created;
  });
  return { key, secret };
}
