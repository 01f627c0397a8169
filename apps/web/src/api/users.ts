import type { InviteJson, UserJson } from '@heinrich/contracts/users';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, path } from './client';
import { keys } from './keys';
import { listAllPages } from './list';

export const listUsers = (signal?: AbortSignal) => listAllPages<UserJson>('/users', { signal });

export function useUsers() {
  return useQuery({ queryKey: keys.users.list(), queryFn: ({ signal }) => listUsers(signal) });
}

export function useUser(id: string) {
  return useQuery({ queryKey: keys.users.one(id), queryFn: ({ signal }) => api.get<UserJson>(path`/users/${id}`, { signal }) });
}

/** A new user and the invite link that comes with them (a new user can do nothing without a password). */
export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string; email: string; timeZone: string; role: UserJson['role'] }) => {
      const user = await api.post<UserJson>('/users', body);
      const invite = await api.post<InviteJson>(path`/users/${user.id}/invite`);
      return { user, invite };
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users.all }),
  });
}

/** Name, time zone (anyone, their own); email and role (admins). Names show in teams and on the shell too. */
export function useUpdateUser(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<Pick<UserJson, 'name' | 'email' | 'timeZone' | 'role'>>) => api.patch<UserJson>(path`/users/${id}`, body),
    onSuccess: async (user) => {
      qc.setQueryData(keys.users.one(id), user);
      await Promise.all([
        qc.invalidateQueries({ queryKey: keys.users.list() }),
        qc.invalidateQueries({ queryKey: keys.teams.all }),
        qc.invalidateQueries({ queryKey: keys.me }),
      ]);
    },
  });
}

/** An invite (or password reset) link for the user. */
export function useCreateInvite(id: string) {
  return useMutation({ mutationFn: () => api.post<InviteJson>(path`/users/${id}/invite`) });
}

export function useDeleteUser(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.del(path`/users/${id}`),
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: keys.users.list() }), qc.invalidateQueries({ queryKey: keys.teams.all })]);
    },
  });
}
