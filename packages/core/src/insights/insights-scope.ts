import type { TeamRef } from '../authz/authorize';
import type { Principal } from '../authz/principal';

/**
 * Which services a caller's insights cover (docs/authorization.md "Insights"):
 * admins (and admin keys) every service; an API key with a team role in every
 * team, every team's services; anyone else the services of the teams they
 * belong to (any role). Services without a team: admins only.
 */
export type InsightsVisibility = { kind: 'all' } | { kind: 'everyTeam' } | { kind: 'teams'; teamIds: readonly string[] };

export function insightsVisibility(p: Principal): InsightsVisibility {
  if (p.role === 'admin') return { kind: 'all' };
  if (p.everyTeamRole) return { kind: 'everyTeam' };
  return { kind: 'teams', teamIds: Object.keys(p.teamRoles) };
}

/** The services a report covers: `teamIds` null = no team filter; `withTeamless` includes services without a team. */
export interface InsightsServiceFilter {
  teamIds: readonly string[] | null;
  withTeamless: boolean;
  serviceId: string | null;
}

export type InsightsScopeDecision = { allowed: true; filter: InsightsServiceFilter } | { allowed: false; reason: string };

/**
 * The report a caller asked for (`team`: ?teamId; `service`: ?serviceId with its team),
 * narrowed to what they may see; a team or service outside it is refused with the reason.
 */
export function decideInsightsScope(
  v: InsightsVisibility,
  ask: { team?: TeamRef; service?: { id: string; name: string; team: TeamRef | null } },
): InsightsScopeDecision {
  const sees = (team: TeamRef | null) => v.kind === 'all' || (team !== null && (v.kind === 'everyTeam' || v.teamIds.includes(team.id)));
  if (ask.team && !sees(ask.team)) return { allowed: false, reason: `Only members of team ${ask.team.name} or admins can see its insights` };
  if (ask.service && !sees(ask.service.team)) {
    return {
      allowed: false,
      reason: ask.service.team
        ? `Only members of team ${ask.service.team.name} or admins can see the insights of service ${ask.service.name}`
        : `Service ${ask.service.name} belongs to no team: only admins can see its insights`,
    };
  }
  const serviceId = ask.service?.id ?? null;
  if (ask.team) return { allowed: true, filter: { teamIds: [ask.team.id], withTeamless: false, serviceId } };
  if (serviceId) return { allowed: true, filter: { teamIds: null, withTeamless: true, serviceId } };
  if (v.kind === 'all') return { allowed: true, filter: { teamIds: null, withTeamless: true, serviceId: null } };
  if (v.kind === 'everyTeam') return { allowed: true, filter: { teamIds: null, withTeamless: false, serviceId: null } };
  return { allowed: true, filter: { teamIds: v.teamIds, withTeamless: false, serviceId: null } };
}
