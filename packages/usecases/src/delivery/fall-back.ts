import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import { decideFallback } from '@heinrich/core/delivery/decide-fallback';
import type { Urgency } from '@heinrich/core/escalation/urgency';
import type { DeliveryRow } from '@heinrich/db/delivery/delivery-row';
import { setDeliveryStatus } from '@heinrich/db/delivery/delivery-row';
import { failPendingNotification } from '@heinrich/db/delivery/fail-pending-notification';
import { insertDeliveries } from '@heinrich/db/delivery/insert-deliveries';
import { loadDeliveryTargets } from '@heinrich/db/delivery/load-delivery-targets';
import { loadPageDeliveries } from '@heinrich/db/delivery/load-page-deliveries';
import { notifyDeliveries } from '@heinrich/db/delivery/notify-deliveries';
import type pg from 'pg';

/**
 * After a delivery failed for good or its channel is unavailable, in the same
 * transaction: the user's next untried method, now (core's decideFallback
 * chooses: the earliest queued delivery moved to now, else the next method of
 * the re-planned plan, else nothing, and the page fails unless another
 * delivery of it is under way or went out). Returns how the timeline says it:
 * "trying webhook now", or "nothing left to try".
 */
export async function fallBack(client: pg.PoolClient, d: DeliveryRow, configured: ReadonlySet<ContactMethodType>, now: Date): Promise<string> {
  // a test page is for exactly one method: it fails with it
  if (d.isTest) {
    await failPendingNotification(client, d.notificationId, now);
    return 'a test page tries no other method';
  }
  const page = await loadPageDeliveries(client, d.notificationId);
  const target = (await loadDeliveryTargets(client, [d.userId])).get(d.userId) ?? null;
  const decision = decideFallback({ ...page, target, urgency: d.urgency as Urgency, allowVoice: d.allowVoice, configured, now });
  switch (decision.kind) {
    case 'already_due':
      break;
    case 'pull_forward':
      await setDeliveryStatus(client, decision.deliveryId, { status: 'queued', at: now, dueAt: now });
      await notifyDeliveries(client);
      break;
    case 'send':
      await insertDeliveries(
        client,
        [{ notificationId: d.notificationId, contactMethodId: decision.contactMethodId, channel: decision.channel, target: decision.target, ruleId: decision.ruleId, dueAt: now }],
        now,
      );
      break;
    case 'give_up':
      if (decision.failPage) await failPendingNotification(client, d.notificationId, now);
      break;
  }
  return decision.sentence;
}
