import type { AlertRulesJson } from '@heinrich/contracts/alert-rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, path } from './client';
import { keys } from './keys';

/** A service's ordered alert rules (docs/alert-rules.md). */
export function useAlertRules(serviceId: string) {
  return useQuery({ queryKey: keys.services.alertRules(serviceId), queryFn: ({ signal }) => api.get<AlertRulesJson>(path`/services/${serviceId}/alert-rules`, { signal }) });
}

/** Replaces the ordered list (PUT). */
export function useSaveAlertRules(serviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (rules: unknown[]) => api.put<AlertRulesJson>(path`/services/${serviceId}/alert-rules`, { rules }),
    onSuccess: (answer) => qc.setQueryData(keys.services.alertRules(serviceId), answer),
  });
}
