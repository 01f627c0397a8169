import type { MeJson } from '@heinrich/contracts/auth';
import { createContext, useContext } from 'react';

export type Me = MeJson;
export type TeamRole = 'lead' | 'responder' | 'viewer';

/** The signed-in caller, provided by the shell (its query ['auth', 'me'] is invalidated by writes that change it). */
export const MeContext = createContext<Me | null>(null);

/** The signed-in caller (GET /api/v1/auth/me); only inside the signed-in shell. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() outside the signed-in shell');
  return me;
}

const RANK: Record<TeamRole, number> = { viewer: 0, responder: 1, lead: 2 };

export function isAdmin(me: Me): boolean {
  return me.role === 'admin';
}

/** The caller's role in a team, or null (docs/authorization.md). */
export function teamRole(me: Me, teamId: string | null | undefined): TeamRole | null {
  if (!teamId) return null;
  return me.teams.find((t) => t.id === teamId)?.role ?? null;
}

function atLeast(me: Me, teamId: string | null | undefined, role: TeamRole): boolean {
  if (isAdmin(me)) return true;
  const mine = teamRole(me, teamId);
  return mine !== null && RANK[mine] >= RANK[role];
}

/** Change the team's services, schedules, policies, name and members: admins and the team's leads. */
export function canEditTeam(me: Me, teamId: string | null | undefined): boolean {
  return atLeast(me, teamId, 'lead');
}

/** Acknowledge, resolve, escalate, add notes to incidents of the team's services: admins, leads and responders. */
export function canRespond(me: Me, teamId: string | null | undefined): boolean {
  return atLeast(me, teamId, 'responder');
}

/** Leads of at least one team (they see team-scoped create buttons). */
export function isLeadAnywhere(me: Me): boolean {
  return isAdmin(me) || me.teams.some((t) => t.role === 'lead');
}

/** The caller's own user, for "their own" contact methods and notification rules. */
export function isSelf(me: Me, userId: string): boolean {
  return me.user?.id === userId;
}
