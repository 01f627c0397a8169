import type { RoutingAlertRulesJson, RoutingIntegrationJson, RoutingPreviewJson } from '@heinrich/contracts/routing-integrations';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, path } from './client';
import { keys } from './keys';
import { listAllPages } from './list';

export interface UnroutedAlert {
  id: string;
  receivedAt: string;
  outcome: 'dropped' | 'catch_all';
  reason: string;
  serviceId: string | null;
  fingerprint: string;
  labels: Record<string, string>;
}

export function useRoutingIntegrations() {
  return useQuery({ queryKey: keys.routingIntegrations.list(), queryFn: ({ signal }) => listAllPages<RoutingIntegrationJson>('/routing-integrations', { signal }) });
}

export function useUnroutedAlerts(id: string) {
  return useQuery({
    queryKey: keys.routingIntegrations.unrouted(id),
    queryFn: ({ signal }) => api.get<{ items: UnroutedAlert[] }>(path`/routing-integrations/${id}/unrouted?limit=20`, { signal }).then((p) => p.items),
  });
}

export function useCreateRoutingIntegration() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<RoutingIntegrationJson & { key: string }>('/routing-integrations', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.routingIntegrations.all }),
  });
}

/** PUT: the whole integration, the ordered route list included. */
export function useReplaceRoutingIntegration(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.put<RoutingIntegrationJson>(path`/routing-integrations/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.routingIntegrations.all }),
  });
}

/** One alert of a preview: its route, service, what the rules do, whom it would page (POST /routing-integrations/preview). */
export type RoutingPreviewItem = RoutingPreviewJson['items'][number];

/** Draft routes (and the integration's draft rules) against a payload or the last 100 alerts; saves nothing. */
export function usePreviewRouting() {
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<{ items: RoutingPreviewItem[] }>('/routing-integrations/preview', body).then((r) => r.items),
  });
}

/** The integration's own alert rules (run before its routes). */
export function useRoutingAlertRules(id: string) {
  return useQuery({
    queryKey: keys.routingIntegrations.alertRules(id),
    queryFn: ({ signal }) => api.get<RoutingAlertRulesJson>(path`/routing-integrations/${id}/alert-rules`, { signal }),
  });
}

export function useSaveRoutingAlertRules(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (rules: unknown[]) => api.put<RoutingAlertRulesJson>(path`/routing-integrations/${id}/alert-rules`, { rules }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.routingIntegrations.alertRules(id) }),
  });
}
