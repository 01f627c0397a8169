import type { MaintenanceHeldIncidentJson, MaintenanceWindowJson } from '@heinrich/contracts/maintenance-windows';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, path } from './client';
import { keys } from './keys';
import { listAllPages } from './list';

export function useMaintenanceWindows() {
  return useQuery({ queryKey: keys.maintenanceWindows.list(), queryFn: ({ signal }) => listAllPages<MaintenanceWindowJson>('/maintenance-windows', { signal }) });
}

export function useMaintenanceWindow(id: string) {
  return useQuery({ queryKey: keys.maintenanceWindows.one(id), queryFn: ({ signal }) => api.get<MaintenanceWindowJson>(path`/maintenance-windows/${id}`, { signal }) });
}

/** What the window held back, and whom each incident would have paged. */
export function useWindowIncidents(id: string) {
  return useQuery({
    queryKey: keys.maintenanceWindows.incidents(id),
    queryFn: ({ signal }) => api.get<{ items: MaintenanceHeldIncidentJson[] }>(path`/maintenance-windows/${id}/incidents`, { signal }).then((p) => p.items),
    // new incidents are held, and held ones released, while the page is open
    refetchInterval: 5_000,
  });
}

export function useCreateMaintenanceWindow() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<MaintenanceWindowJson>('/maintenance-windows', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.maintenanceWindows.all }),
  });
}

/** POST /{id}/end: ends it now; what it held and still fires pages within seconds. */
export function useEndMaintenanceWindow(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<MaintenanceWindowJson>(path`/maintenance-windows/${id}/end`),
    onSuccess: async (w) => {
      qc.setQueryData(keys.maintenanceWindows.one(id), w);
      await Promise.all([qc.invalidateQueries({ queryKey: keys.maintenanceWindows.all }), qc.invalidateQueries({ queryKey: keys.incidents.all })]);
    },
  });
}
