import type { ServiceJson } from '@heinrich/contracts/services';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, path } from './client';
import { keys } from './keys';
import { listAllPages } from './list';

export function useServices() {
  return useQuery({ queryKey: keys.services.list(), queryFn: ({ signal }) => listAllPages<ServiceJson>('/services', { signal }) });
}

export function useService(id: string) {
  return useQuery({ queryKey: keys.services.one(id), queryFn: ({ signal }) => api.get<ServiceJson>(path`/services/${id}`, { signal }) });
}

/** The request body of a service (ServiceForm's bodyOf). */
export type ServiceBody = Record<string, unknown>;

export function useCreateService() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ServiceBody) => api.post<ServiceJson>('/services', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.services.all }),
  });
}

export function useUpdateService(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ServiceBody) => api.patch<ServiceJson>(path`/services/${id}`, body),
    onSuccess: async (service) => {
      qc.setQueryData(keys.services.one(id), service);
      // incidents show the service's name and urgency
      await Promise.all([qc.invalidateQueries({ queryKey: keys.services.list() }), qc.invalidateQueries({ queryKey: keys.incidents.all })]);
    },
  });
}

/** Deletes the service with its integration keys and incidents. */
export function useDeleteService(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.del(path`/services/${id}`),
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: keys.services.list() }), qc.invalidateQueries({ queryKey: keys.incidents.all })]);
    },
  });
}
