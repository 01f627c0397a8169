import type { TeamSummary } from '@heinrich/db/teams/team-summary';

export type { TeamSummary };

/** A team as the audit log records it: name and the membership. */
export function teamSnapshot(t: TeamSummary) {
  return { id: t.id, name: t.name, members: t.members.map((m) => ({ userId: m.userId, role: m.role })) };
}
