import type { Principal } from '@heinrich/core/authz/principal';
import { describeContactMethod } from '@heinrich/core/delivery/mask-contact-value';
import { redactSecrets } from '@heinrich/core/delivery/redact-secrets';
import { listNotificationRows, type NotificationDeliveryRow, type NotificationRow } from '@heinrich/db/notifications/list-notification-rows';
import { revealableUsers } from '../contact-methods/reveal-contact-values';
import type { Context } from '../context';

type DeliveryRow = NotificationDeliveryRow;

/**
 * A page and its deliveries as the caller may see them: each delivery names its
 * method by type and masked value (`target`: "webhook to hooks.example.com");
 * `value` is the method's value only for callers who may see it
 * (contact_method.reveal), else null; errors are redacted (they are stored
 * redacted; this covers rows written before).
 */
export type NotificationRecord = Omit<NotificationRow, 'deliveries' | 'user' | 'incident'> & {
  /** a test page (incidents.is_test) */
  test: boolean;
  deliveries: (Omit<DeliveryRow, 'target'> & { target: string; value: string | null })[];
};

/**
 * The delivery log: the pages of an incident and/or a person, oldest first, each
 * with its deliveries and their status history and provider ids (at most 500
 * pages). Readable by every authenticated caller, like incidents; contact
 * values only for whom contact_method.reveal allows.
 */
export async function listNotifications(ctx: Context, principal: Principal, query: { incidentId?: string; userId?: string }): Promise<NotificationRecord[]> {
  const rows = await listNotificationRows(ctx.db.pool, { ...query, limit: 500 });
  const people = [...new Map(rows.map((n) => [n.user.id, n.user])).values()];
  const revealed = await revealableUsers(ctx, principal, people);
  return rows.map(({ user, deliveries, incident, ...n }) => ({
    ...n,
    test: incident.isTest,
    deliveries: deliveries.map((d) => ({
      ...d,
      target: describeContactMethod(d.channel, d.target),
      value: revealed.has(user.id) ? d.target : null,
      error: d.error === null ? null : redactSecrets(d.error),
      history: Array.isArray(d.history)
        ? ((d.history as Record<string, unknown>[]).map((h) => (typeof h.error === 'string' ? { ...h, error: redactSecrets(h.error) } : h)) as DeliveryRow['history'])
        : d.history,
    })),
  }));
}
