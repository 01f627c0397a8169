import type { ApiKeySummary } from '@heinrich/db/api-keys/api-key-summary';

export type { ApiKeySummary } from '@heinrich/db/api-keys/api-key-summary';

/** A key as the audit log records it (no secret, no hash, no last use). */
export function apiKeySnapshot(k: ApiKeySummary) {
  return {
    id: k.id,
    name: k.name,
    role: k.role,
    teamId: k.teamId,
    secretPrefix: k.secretPrefix,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}
