import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import { CHANNEL_LABEL, nextFallback } from '@heinrich/core/delivery/plan-delivery';
import type { Urgency } from '@heinrich/core/escalation/urgency';
import type { DeliveryRow } from '@heinrich/db/delivery/delivery-row';
import { setDeliveryStatus } from '@heinrich/db/delivery/delivery-row';
import { DELIVERIES_CHANNEL, insertDeliveries } from '@heinrich/db/delivery/insert-deliveries';
import { loadDeliveryTargets } from '@heinrich/db/delivery/load-delivery-targets';
import type pg from 'pg';
import { planFor } from '@heinrich/core/delivery/plan-pages';

/**
 * After a delivery failed for good or its channel is unavailable, in the same
 * transaction: the user's next untried method, now. That is the earliest
 * delivery of the page still queued (moved to now if it was due later), else
 * the next method of the user's plan (re-planned with the channels this worker
 * has) without a delivery yet, written due now. Returns how the timeline says it:
 * "trying webhook now", or "nothing left to try" (the page is marked failed
 * unless another delivery of it is under way or went out).
 */
export async function fallBack(client: pg.PoolClient, d: DeliveryRow, configured: ReadonlySet<ContactMethodType>, now: Date): Promise<string> {
  const queued = await client.query<{ id: string; channel: string; dueAt: Date }>(
    `SELECT id, channel, due_at AS "dueAt" FROM deliveries WHERE notification_id = $1 AND status = 'queued' ORDER BY due_at, created_at LIMIT 1`,
    [d.notificationId],
  );
  const next = queued.rows[0];
  if (next) {
    const label = CHANNEL_LABEL[next.channel as ContactMethodType] ?? next.channel;
    if (next.dueAt.getTime() <= now.getTime()) return `${label} is already on its way`;
    await setDeliveryStatus(client, next.id, { status: 'queued', at: now, dueAt: now });
    await client.query(`SELECT pg_notify($1, '')`, [DELIVERIES_CHANNEL]);
    return `trying ${label} now (planned for later)`;
  }
  const target = (await loadDeliveryTargets(client, [d.userId])).get(d.userId);
  if (target) {
    const plan = planFor(target, d.urgency as Urgency, d.allowVoice, configured);
    const tried = await client.query<{ contactMethodId: string }>(
      `SELECT contact_method_id AS "contactMethodId" FROM deliveries WHERE notification_id = $1 AND contact_method_id IS NOT NULL`,
      [d.notificationId],
    );
    const send = nextFallback(plan, new Set(tried.rows.map((r) => r.contactMethodId)));
    if (send) {
      const value = target.methods.find((m) => m.id === send.contactMethodId)!.value;
      await insertDeliveries(client, [{ notificationId: d.notificationId, contactMethodId: send.contactMethodId, channel: send.type, target: value, ruleId: send.ruleId, dueAt: now }], now);
      return `trying ${CHANNEL_LABEL[send.type]} now`;
    }
  }
  const live = await client.query(
    `SELECT 1 FROM deliveries WHERE notification_id = $1 AND status IN ('queued', 'sending', 'sent', 'delivered') LIMIT 1`,
    [d.notificationId],
  );
  if (live.rows.length === 0) {
    await client.query(`UPDATE notifications SET status = 'failed', updated_at = $2 WHERE id = $1 AND status = 'pending'`, [d.notificationId, now]);
  }
  return 'nothing left to try';
}
