import type { BulkIncidentStatusJson, ExplainIncidentResponse, IncidentDetailJson, IncidentJson, IncidentStatus } from '@heinrich/contracts/incidents';
import type { NotificationJson } from '@heinrich/contracts/contact-methods';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, path } from './client';
import { keys } from './keys';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** GET /incidents/{id}/explain's answer (contracts) */
export type ExplainJson = ExplainIncidentResponse;

/** How often the incident list and an incident's page ask for news while the tab is visible. */
export const INCIDENT_POLL_MS = 4_000;

export interface IncidentFilter {
  status: IncidentStatus[];
  serviceId?: string | undefined;
  /** l22: the list's search, sort and "mine" filters (GET /incidents q, sort, assigned, teams, teamId) */
  q?: string | undefined;
  sort?: 'newest' | 'severity' | undefined;
  assigned?: 'me' | undefined;
  teams?: 'mine' | undefined;
  teamId?: string | undefined;
  /** hl: the insights filter the Insights page links to (GET /incidents insight, from, to) */
  insight?: 'major' | 'minor' | 'nearMiss' | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export function useIncidents(filter: IncidentFilter) {
  return useQuery({
    queryKey: keys.incidents.list(filter),
    queryFn: ({ signal }) => {
      const q = new URLSearchParams({ limit: '100' });
      if (filter.status.length > 0) q.set('status', filter.status.join(','));
      if (filter.serviceId) q.set('serviceId', filter.serviceId);
      for (const key of ['q', 'sort', 'assigned', 'teams', 'teamId', 'insight', 'from', 'to'] as const) {
        const value = filter[key];
        if (value) q.set(key, value);
      }
      return api.get<Page<IncidentJson>>(`/incidents?${q.toString()}`, { signal });
    },
    refetchInterval: INCIDENT_POLL_MS,
  });
}

/** One incident by the URL's id (its number or uuid), polled: the worker's steps and others' actions appear. */
export function useIncident(ref: string) {
  return useQuery({
    queryKey: keys.incidents.detail(ref),
    queryFn: ({ signal }) => api.get<IncidentDetailJson>(path`/incidents/${ref}`, { signal }),
    refetchInterval: INCIDENT_POLL_MS,
  });
}

/** Who was paged and why (GET /incidents/{id}/explain), polled with the incident; `id` the uuid, once known. */
export function useIncidentExplanation(id: string | undefined) {
  return useQuery({
    queryKey: keys.incidents.explain(id ?? ''),
    queryFn: ({ signal }) => api.get<ExplainJson>(path`/incidents/${id ?? ''}/explain`, { signal }),
    enabled: id !== undefined,
    refetchInterval: INCIDENT_POLL_MS,
  });
}

/** The incident's delivery log, polled with it. */
export function useIncidentNotifications(id: string | undefined) {
  return useQuery({
    queryKey: keys.notifications.ofIncident(id ?? ''),
    queryFn: ({ signal }) => api.get<Page<NotificationJson>>(`/notifications?incidentId=${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== undefined,
    refetchInterval: INCIDENT_POLL_MS,
  });
}

export type IncidentAction = 'acknowledge' | 'resolve' | 'escalate' | 'silence';

/** Silencing: its alerts in Alertmanager for this long. */
export const SILENCE_MINUTES = 60;

async function act(id: string, action: IncidentAction): Promise<IncidentDetailJson> {
  const base = path`/incidents/${id}`;
  if (action === 'silence') return (await api.post<{ incident: IncidentDetailJson }>(`${base}/silence`, { durationMinutes: SILENCE_MINUTES })).incident;
  return api.post<IncidentDetailJson>(`${base}/${action}`, {});
}

function listFields(d: IncidentJson): IncidentJson {
  const { id, number, title, status, serviceId, serviceName, severity, groupLabels, alertCounts, truncatedAlerts, firingAlerts, storm, flapping, maintenance, suppressedBy, createdAt, acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, urgency, onIt } = d;
  return { id, number, title, status, serviceId, serviceName, severity, groupLabels, alertCounts, truncatedAlerts, firingAlerts, storm, flapping, maintenance, suppressedBy, createdAt, acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, urgency, onIt };
}

/**
 * Acknowledge, resolve, escalate now or silence an incident (`id`: its uuid). The
 * answer replaces the incident wherever it is shown (its page, list rows) at once;
 * then everything about incidents and deliveries is fetched again.
 */
export function useIncidentAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: IncidentAction }) => act(id, action),
    onSuccess: async (updated) => {
      qc.setQueriesData<IncidentDetailJson>({ queryKey: keys.incidents.details() }, (old) => (old?.id === updated.id ? updated : old));
      qc.setQueriesData<Page<IncidentJson>>({ queryKey: keys.incidents.lists() }, (old) =>
        old ? { ...old, items: old.items.map((i) => (i.id === updated.id ? { ...i, ...listFields(updated) } : i)) } : old,
      );
      await Promise.all([qc.invalidateQueries({ queryKey: keys.incidents.all }), qc.invalidateQueries({ queryKey: keys.notifications.all })]);
    },
  });
}

export function useAddIncidentNote(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api.post(path`/incidents/${id}/notes`, { text }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.incidents.all }),
  });
}

/** l22: "Acknowledge selected" / "Resolve selected" (POST /incidents/bulk-status); the lists are read again after. */
export function useBulkIncidentStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[]; status: 'acknowledged' | 'resolved' }) => api.post<BulkIncidentStatusJson>('/incidents/bulk-status', body),
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: keys.incidents.all }), qc.invalidateQueries({ queryKey: keys.notifications.all })]);
    },
  });
}
