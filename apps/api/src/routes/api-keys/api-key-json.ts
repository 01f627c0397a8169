import type { ApiKeyJson } from '@heinrich/contracts/api-keys';
import type { ApiKeySummary } from '@heinrich/usecases/api-keys/api-key-summary';

/** An API key as lists show it: never the secret or its hash. */
export function apiKeyJson(k: ApiKeySummary): ApiKeyJson {
  return {
    id: k.id,
    name: k.name,
    role: k.role,
    teamId: k.teamId,
    secretPrefix: k.secretPrefix,
    createdBy: k.createdBy,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}
