import type { ContactMethodJson, CreatedContactMethodJson } from '@heinrich/contracts/contact-methods';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, path } from './client';
import type { Page } from './incidents';
import { keys } from './keys';

// Phone verification and STOP handling: their fields are read when the API sends
// them, and the UI works without them.
export type ContactMethod = ContactMethodJson & { disabled?: boolean; disabledReason?: string | null };
export interface VerificationJson {
  status: 'sent' | 'unavailable' | 'failed' | 'not-needed';
  message: string;
  expiresAt?: string;
}
export type CreatedContactMethod = CreatedContactMethodJson & { verification?: VerificationJson };

export function useContactMethods(userId: string) {
  return useQuery({
    queryKey: keys.users.contactMethods(userId),
    queryFn: ({ signal }) => api.get<Page<ContactMethod>>(path`/users/${userId}/contact-methods`, { signal }),
  });
}

export function useAddContactMethod(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { type: ContactMethod['type']; value: string }) => api.post<CreatedContactMethod>(path`/users/${userId}/contact-methods`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users.contactMethods(userId) }),
  });
}

/** Deletes a method and, with it, the notification rules that use it. */
export function useDeleteContactMethod(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (methodId: string) => api.del(path`/users/${userId}/contact-methods/${methodId}`),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: keys.users.contactMethods(userId) }),
        qc.invalidateQueries({ queryKey: keys.users.notificationRules(userId) }),
      ]),
  });
}

export function useSendVerification(userId: string, methodId: string) {
  return useMutation({ mutationFn: () => api.post<VerificationJson>(path`/users/${userId}/contact-methods/${methodId}/send-verification`, {}) });
}

export function useVerifyContactMethod(userId: string, methodId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post(path`/users/${userId}/contact-methods/${methodId}/verify`, { code }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users.contactMethods(userId) }),
  });
}
