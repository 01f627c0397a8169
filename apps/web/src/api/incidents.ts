import type { ExplainIncidentResponse, IncidentDetailJson, IncidentJson, IncidentStatus } from '@heinrich/contracts/incidents';
import type { NotificationJson } from '@heinrich/contracts/contact-methods';
import type { ServiceJson } from '@heinrich/contracts/services';
import type { UserJson } from '@heinrich/contracts/users';
import { api } from './client';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** GET /incidents/{id}/explain's answer (contracts) */
export type ExplainJson = ExplainIncidentResponse;

export function listIncidents(filter: { status: IncidentStatus[]; serviceId?: string | undefined }): Promise<Page<IncidentJson>> {
  const q = new URLSearchParams({ limit: '100' });
  if (filter.status.length > 0) q.set('status', filter.status.join(','));
  if (filter.serviceId) q.set('serviceId', filter.serviceId);
  return api.get<Page<IncidentJson>>(`/incidents?${q.toString()}`);
}

export const getIncident = (id: string) => api.get<IncidentDetailJson>(`/incidents/${encodeURIComponent(id)}`);
export const explainIncident = (id: string) => api.get<ExplainJson>(`/incidents/${encodeURIComponent(id)}/explain`);
export const listNotifications = (incidentId: string) =>
  api.get<Page<NotificationJson>>(`/notifications?incidentId=${encodeURIComponent(incidentId)}`);

export const acknowledgeIncident = (id: string) => api.post<IncidentDetailJson>(`/incidents/${encodeURIComponent(id)}/acknowledge`, {});
export const resolveIncident = (id: string) => api.post<IncidentDetailJson>(`/incidents/${encodeURIComponent(id)}/resolve`, {});
export const escalateIncident = (id: string) => api.post<IncidentDetailJson>(`/incidents/${encodeURIComponent(id)}/escalate`, {});
export const silenceIncident = (id: string, durationMinutes: number) =>
  api.post<{ incident: IncidentDetailJson }>(`/incidents/${encodeURIComponent(id)}/silence`, { durationMinutes });
export const addIncidentNote = (id: string, text: string) => api.post(`/incidents/${encodeURIComponent(id)}/notes`, { text });

/** Every page of a list endpoint (services, users, teams: small lists). */
export async function listAllPages<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: Page<T> = await api.get<Page<T>>(`${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export const listServices = () => listAllPages<ServiceJson>('/services');
export const listUsers = () => listAllPages<UserJson>('/users');
