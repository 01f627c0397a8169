import type { InsightsJson, InsightsQuery, InsightsTable } from '@heinrich/contracts/insights';
import type { PagingReadinessJson } from '@heinrich/contracts/readiness';
import type { TeamSettingsBody, TeamSettingsJson } from '@heinrich/contracts/team-settings';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, path } from './client';
import { keys } from './keys';

/** The query string of a report: only the filters that are set. */
export function insightsSearch(q: InsightsQuery): string {
  const params = new URLSearchParams();
  for (const k of ['teamId', 'serviceId', 'from', 'to'] as const) if (q[k]) params.set(k, q[k]);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** GET /insights: the pyramid and the reports of one period (the last answer stays while the next loads). */
export function useInsights(q: InsightsQuery) {
  return useQuery({
    queryKey: keys.insights(q),
    queryFn: ({ signal }) => api.get<InsightsJson>(`/insights${insightsSearch(q)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The download address of one table as CSV (a plain link: the browser sends the session cookie). */
export function insightsCsvUrl(table: InsightsTable, q: InsightsQuery): string {
  return apiUrl(`/insights/${table}.csv${insightsSearch(q)}`);
}

/** GET /readiness: every finding; pages filter by team or object client-side (one request, cached). */
export function useReadiness() {
  return useQuery({ queryKey: keys.readiness, queryFn: ({ signal }) => api.get<PagingReadinessJson>('/readiness', { signal }) });
}

export function useTeamSettings(teamId: string) {
  return useQuery({ queryKey: keys.teamSettings(teamId), queryFn: ({ signal }) => api.get<TeamSettingsJson>(path`/teams/${teamId}/settings`, { signal }) });
}

export function useSaveTeamSettings(teamId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TeamSettingsBody) => api.put<TeamSettingsJson>(path`/teams/${teamId}/settings`, body),
    onSuccess: (saved) => qc.setQueryData(keys.teamSettings(teamId), saved),
  });
}
