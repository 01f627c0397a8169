import type { CreatedHeartbeatJson, HeartbeatJson } from '@heinrich/contracts/heartbeats';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, path } from './client';
import type { Page } from './incidents';
import { keys } from './keys';

export function useHeartbeats(serviceId: string) {
  return useQuery({
    queryKey: keys.services.heartbeats(serviceId),
    queryFn: ({ signal }) => api.get<Page<HeartbeatJson>>(`/heartbeats?serviceId=${encodeURIComponent(serviceId)}`, { signal }),
    // status and last ping move on their own (pings, the worker's pass)
    refetchInterval: 15_000,
  });
}

/** A new heartbeat; the answer carries its token, ping URL and curl line, shown once. */
export function useCreateHeartbeat(serviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; intervalSeconds: number; graceSeconds: number }) =>
      api.post<CreatedHeartbeatJson>('/heartbeats', { serviceId, ...body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.services.heartbeats(serviceId) }),
  });
}

/** A new token: the old URL stops working; the answer is shown once like a create's. */
export function useRotateHeartbeatToken(serviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<CreatedHeartbeatJson>(path`/heartbeats/${id}/rotate-token`),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.services.heartbeats(serviceId) }),
  });
}

export function usePauseHeartbeat(serviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, paused }: { id: string; paused: boolean }) => api.post<HeartbeatJson>(paused ? path`/heartbeats/${id}/pause` : path`/heartbeats/${id}/resume`),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.services.heartbeats(serviceId) }),
  });
}

export function useDeleteHeartbeat(serviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(path`/heartbeats/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.services.heartbeats(serviceId) }),
  });
}
