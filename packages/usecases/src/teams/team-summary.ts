import type { Prisma } from '@heinrich/db/generated/prisma/client';

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

/** A team as the audit log records it: name and the membership. */
export function teamSnapshot(t: TeamSummary) {
  return { id: t.id, name: t.name, members: t.members.map((m) => ({ userId: m.userId, role: m.role })) };
}
