import type { TeamJson } from '@heinrich/contracts/teams';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, path } from './client';
import { keys } from './keys';
import { listAllPages } from './list';

export function useTeams() {
  return useQuery({ queryKey: keys.teams.list(), queryFn: ({ signal }) => listAllPages<TeamJson>('/teams', { signal }) });
}

export function useTeam(id: string, opts: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: keys.teams.one(id), queryFn: ({ signal }) => api.get<TeamJson>(path`/teams/${id}`, { signal }), enabled: opts.enabled ?? true });
}

export function useCreateTeam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string }) => api.post<TeamJson>('/teams', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.teams.all }),
  });
}

/** The name, or the whole new member list, or both; the caller's own roles may change with it (auth/me). */
export function useUpdateTeam(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; members?: { userId: string; role: TeamJson['members'][number]['role'] }[] }) => api.patch<TeamJson>(path`/teams/${id}`, body),
    onSuccess: async (team) => {
      qc.setQueryData(keys.teams.one(id), team);
      await Promise.all([qc.invalidateQueries({ queryKey: keys.teams.list() }), qc.invalidateQueries({ queryKey: keys.me })]);
    },
  });
}

export function useDeleteTeam(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.del(path`/teams/${id}`),
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: keys.teams.list() }), qc.invalidateQueries({ queryKey: keys.me })]);
    },
  });
}
