import { sha256Hex } from '@heinrich/core/alert-group';
import type { Principal } from '@heinrich/core/authz/principal';
import { findActiveApiKey } from '@heinrich/db/auth/find-active-api-key';
import type { Context } from '../context';
import { API_KEY_PREFIX } from './create-api-key';

/**
 * The principal of an API key, or undefined for a key that is unknown or
 * revoked. A team-scoped key holds its role in that team only; an unscoped
 * lead/responder/viewer key holds it in every team; an admin key is an admin.
 */
export async function authenticateApiKey(ctx: Context, secret: string): Promise<Principal | undefined> {
  if (!secret.startsWith(API_KEY_PREFIX) || secret.length > 256) return undefined;
  const key = await findActiveApiKey(ctx.db.pool, { secretHash: sha256Hex(secret), now: ctx.now() });
  if (!key) return undefined;
  const base = { kind: 'api-key', apiKeyId: key.id, display: `API key '${key.name}'`, via: 'api' } as const;
  if (key.role === 'admin') return { ...base, role: 'admin', teamRoles: {} };
  return key.teamId
    ? { ...base, role: 'user', teamRoles: { [key.teamId]: key.role } }
    : { ...base, role: 'user', teamRoles: {}, everyTeamRole: key.role };
}
