import type { TeamJson } from '@heinrich/contracts/teams';
import type { TeamSummary } from '@heinrich/usecases/teams/team-summary';

/** A team as the API shows it, members by name. */
export function teamJson(t: TeamSummary): TeamJson {
  return {
    id: t.id,
    name: t.name,
    members: t.members.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email, role: m.role })),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}
