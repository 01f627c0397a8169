import type { InsightLevel } from '@heinrich/contracts/insights';
import type { IncidentFilter } from '../../../api/incidents';
import { parseStatusFilter, STATUS_FILTERS, type StatusFilter } from '../incident-filters';

/**
 * The list's filters as kept in the URL query (so a reload or a shared link shows
 * the same list): status, q (search), sort, assigned=me, teams=mine, serviceId,
 * teamId, and the insights filter (insight, from, to) the Insights page links to.
 */
export interface ListQuery {
  status: StatusFilter;
  q: string;
  sort: 'newest' | 'severity';
  assignedToMe: boolean;
  myTeams: boolean;
  serviceId: string;
  teamId: string;
  insight: InsightLevel | null;
  from: string;
  to: string;
}

const INSIGHTS: Record<InsightLevel, string> = { major: 'major incidents', minor: 'minor incidents', nearMiss: 'near misses' };

export function parseListQuery(params: URLSearchParams): ListQuery {
  const insight = params.get('insight');
  return {
    // the insights filter means every status unless one is chosen
    status: params.has('status') ? parseStatusFilter(params.get('status')) : defaultStatus(insight !== null),
    q: params.get('q') ?? '',
    sort: params.get('sort') === 'severity' ? 'severity' : 'newest',
    assignedToMe: params.get('assigned') === 'me',
    myTeams: params.get('teams') === 'mine',
    serviceId: params.get('serviceId') ?? '',
    teamId: params.get('teamId') ?? '',
    insight: insight !== null && insight in INSIGHTS ? (insight as InsightLevel) : null,
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

/** The status shown when the URL names none: open incidents, or all of them under the insights filter. */
export function defaultStatus(insights: boolean): StatusFilter {
  return insights ? 'all' : 'open';
}

/** What GET /incidents is asked. */
export function apiFilter(q: ListQuery): IncidentFilter {
  return {
    status: [...STATUS_FILTERS[q.status].statuses],
    serviceId: q.serviceId || undefined,
    teamId: q.teamId || undefined,
    q: q.q.trim() || undefined,
    sort: q.sort === 'severity' ? 'severity' : undefined,
    assigned: q.assignedToMe ? 'me' : undefined,
    teams: q.myTeams ? 'mine' : undefined,
    insight: q.insight ?? undefined,
    from: q.insight && q.from ? q.from : undefined,
    to: q.insight && q.to ? q.to : undefined,
  };
}

export function insightName(level: InsightLevel): string {
  return INSIGHTS[level];
}
