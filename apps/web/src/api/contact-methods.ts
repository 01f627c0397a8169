import type { ContactMethodJson, CreatedContactMethodJson, DeliveryJson, NotificationJson, TestPageJson } from '@heinrich/contracts/contact-methods';
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

/** POST …/contact-methods/{methodId}/test: a real page to this one method (one a minute); 202 with the test page's ids. */
export function useSendTestPage(userId: string, methodId: string) {
  return useMutation({ mutationFn: () => api.post<TestPageJson>(path`/users/${userId}/contact-methods/${methodId}/test`, {}) });
}

/** A delivery status after which nothing more will come for this channel (SMS and calls still report "delivered" or "failed" after "sent"). */
export function isSettled(channel: string, status: DeliveryJson['status']): boolean {
  if (status === 'sent') return channel !== 'sms' && channel !== 'voice';
  return status === 'delivered' || status === 'failed' || status === 'cancelled' || status === 'unavailable';
}

/** How long the UI follows a test page that stays "sent" (a carrier that never reports): then it stops polling. */
const FOLLOW_MS = 5 * 60_000;
/** The floor: pages poll no more often than every 2 s. */
export const TEST_PAGE_POLL_MS = 2_000;

/** A test page the UI follows: the API's answer and when the browser got it. */
export type SentTestPage = TestPageJson & { sentAt: number };

/**
 * The test page's one delivery, as it arrives (GET /notifications?incidentId=),
 * polled every 2 s until it settles (or for 5 minutes); when it goes out the
 * methods are refetched (their "Last delivered").
 */
export function useTestPageDelivery(userId: string, page: SentTestPage | null) {
  const qc = useQueryClient();
  const key = [...keys.notifications.ofIncident(page?.incidentId ?? ''), 'test-page'] as const;
  return useQuery({
    queryKey: key,
    enabled: page !== null,
    queryFn: async ({ signal }): Promise<DeliveryJson | null> => {
      const res = await api.get<Page<NotificationJson>>(`/notifications?incidentId=${encodeURIComponent(page?.incidentId ?? '')}`, { signal });
      const delivery = res.items.flatMap((n) => n.deliveries).find((d) => d.id === page?.deliveryId) ?? null;
      const before = qc.getQueryData<DeliveryJson | null>(key)?.status;
      if (delivery && delivery.status !== before && (delivery.status === 'sent' || delivery.status === 'delivered')) {
        void qc.invalidateQueries({ queryKey: keys.users.contactMethods(userId) });
      }
      return delivery;
    },
    refetchInterval: (query) => {
      const d = query.state.data;
      if (d && isSettled(d.channel, d.status)) return false;
      if (page && Date.now() - page.sentAt > FOLLOW_MS) return false;
      return TEST_PAGE_POLL_MS;
    },
  });
}
