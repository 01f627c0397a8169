import type { Prisma } from '../generated/prisma/client';

/** A team with its members (by name), as reads and the audit log need it. */
export const TEAM_SUMMARY = {
  id: true,
  name: true,
  createdAt: true,
  updatedAt: true,
  members: {
    select: { userId: true, role: true, user: { select: { name: true, email: true } } },
    orderBy: [{ user: { name: 'asc' } }, { userId: 'asc' }],
  },
} as const satisfies Prisma.TeamSelect;

export type TeamSummary = Prisma.TeamGetPayload<{ select: typeof TEAM_SUMMARY }>;

export type TeamRole = 'lead' | 'responder' | 'viewer';
