import type { InviteHolderJson, MeJson } from '@heinrich/contracts/auth';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { keys } from './keys';

/** The signed-in caller; a 401 is not an error to show (client.ts sends the user to the sign-in page). */
export function useMeQuery() {
  return useQuery({ queryKey: keys.me, queryFn: ({ signal }) => api.get<MeJson>('/auth/me', { signal }), retry: false });
}

// Signing in or out changes who is asking: nothing cached for the previous caller may show.

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post('/auth/sign-in', body),
    onSuccess: () => qc.clear(),
  });
}

/** Sets the invited user's password and signs them in. */
/** Whose account an invite token is for (404 for a token that cannot be used); the token stays usable. */
export function useInviteHolder(token: string) {
  return useQuery({
    // ha: the token is the key only in memory (never in a URL)
    queryKey: ['auth', 'invite-holder', token] as const,
    queryFn: ({ signal }) => api.post<InviteHolderJson>('/auth/invite-holder', { token }, { signal }),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
  });
}

export function useAcceptInvite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => api.post('/auth/accept-invite', body),
    onSuccess: () => qc.clear(),
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/auth/sign-out'),
    onSettled: () => qc.clear(),
  });
}
