import type { Prisma } from '../generated/prisma/client';

/** The columns of an API key that may leave the database: never secret_hash. */
export const API_KEY_SUMMARY = {
  id: true,
  name: true,
  role: true,
  teamId: true,
  secretPrefix: true,
  createdBy: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const satisfies Prisma.ApiKeySelect;

export type ApiKeySummary = Prisma.ApiKeyGetPayload<{ select: typeof API_KEY_SUMMARY }>;
