import type { CreatedIntegrationKeyJson, IntegrationKeyJson } from '@heinrich/contracts/integration-keys';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, path } from './client';
import type { Page } from './incidents';
import { keys } from './keys';

export function useIntegrationKeys(serviceId: string) {
  return useQuery({
    queryKey: keys.services.integrationKeys(serviceId),
    queryFn: ({ signal }) => api.get<Page<IntegrationKeyJson>>(path`/services/${serviceId}/integration-keys`, { signal }),
  });
}

/** A new key; the answer carries its secret, shown once. */
export function useCreateIntegrationKey(serviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { type: 'alertmanager' | 'events'; name?: string; alertmanager?: { url: string }; heartbeat?: { id: string } }) =>
      api.post<CreatedIntegrationKeyJson>(path`/services/${serviceId}/integration-keys`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.services.integrationKeys(serviceId) }),
  });
}

export function useRevokeIntegrationKey(serviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => api.del(path`/services/${serviceId}/integration-keys/${keyId}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.services.integrationKeys(serviceId) }),
  });
}
