import type { CreatedNotificationRuleJson, NotificationRuleJson } from '@heinrich/contracts/contact-methods';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, path } from './client';
import type { Page } from './incidents';
import { keys } from './keys';

export function useNotificationRules(userId: string) {
  return useQuery({
    queryKey: keys.users.notificationRules(userId),
    queryFn: ({ signal }) => api.get<Page<NotificationRuleJson>>(path`/users/${userId}/notification-rules`, { signal }),
  });
}

export function useAddNotificationRule(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    /** delayMinutes as typed when it is not a number, so the API names the field */
    mutationFn: (body: { contactMethodId: string; delayMinutes: number | string; urgency: NotificationRuleJson['urgency'] }) =>
      api.post<CreatedNotificationRuleJson>(path`/users/${userId}/notification-rules`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users.notificationRules(userId) }),
  });
}

export function useDeleteNotificationRule(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ruleId: string) => api.del(path`/users/${userId}/notification-rules/${ruleId}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users.notificationRules(userId) }),
  });
}
