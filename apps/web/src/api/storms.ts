import type { StormActionJson, StormDetailJson } from '@heinrich/contracts/storms';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, path } from './client';
import { INCIDENT_POLL_MS } from './incidents';
import { keys } from './keys';

/** A storm with its incidents (GET /storms/{id}), polled like an incident: incidents join it while it lasts. */
export function useStorm(id: string | undefined) {
  return useQuery({
    queryKey: keys.storms.one(id ?? ''),
    queryFn: ({ signal }) => api.get<StormDetailJson>(path`/storms/${id ?? ''}`, { signal }),
    enabled: id !== undefined && id !== '',
    refetchInterval: INCIDENT_POLL_MS,
  });
}

export type StormAction = 'acknowledge' | 'resolve';

/** Acknowledge-all / resolve-all of a storm; then every storm and incident query is read again. */
export function useStormAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: StormAction }) => api.post<StormActionJson>(path`/storms/${id}/${action}`, {}),
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: keys.storms.all }),
        qc.invalidateQueries({ queryKey: keys.incidents.all }),
        qc.invalidateQueries({ queryKey: keys.notifications.all }),
      ]);
    },
  });
}
