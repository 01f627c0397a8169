import { redactSecrets } from '@heinrich/core/delivery/redact-secrets';
import { CONTACT_METHOD_TYPES, type ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import { CHANNEL_LABEL } from '@heinrich/core/delivery/plan-delivery';
import { setDeliveryStatus } from '@heinrich/db/delivery/delivery-row';
import { failNotificationWithoutLiveDeliveries } from '@heinrich/db/delivery/fail-notification-without-live-deliveries';
import { lockDeliveryForCallback } from '@heinrich/db/delivery/lock-delivery-by-provider-id';
import { notifyDeliveries } from '@heinrich/db/delivery/notify-deliveries';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import { withTransaction } from '@heinrich/db/with-transaction';
import type { Context } from '../context';
import { deliveryEvent } from './delivery-event';
import { fallBack } from './fall-back';

export interface DeliveryStatusReport {
  channel: ContactMethodType;
  /** the provider's message/call id (what the sender returned as providerId) */
  providerId?: string | null;
  /** our delivery id, when the callback URL carries it (found even before the provider id is recorded) */
  deliveryId?: string | null;
  status: 'delivered' | 'failed';
  /** the provider's reason, e.g. "30003 unreachable handset", "no-answer" */
  error?: string;
  /** default true. false: the same method may work on another try (sent again now, while attempts remain) */
  permanent?: boolean;
  /** tries of one delivery in all, for `permanent: false` (DELIVERY_ATTEMPTS); default 3 */
  maxAttempts?: number;
  /** channels with a provider, for planning the fallback; default every channel (an unconfigured one is then recorded unavailable by the dispatcher) */
  configured?: ReadonlySet<ContactMethodType>;
}

export type DeliveryStatusOutcome =
  /** the delivery changed; `fallback` says what was started instead, for a failure */
  | { status: 'recorded'; deliveryId: string; fallback?: string }
  /** a repeated or late callback: nothing changed */
  | { status: 'unchanged'; deliveryId: string; current: string }
  /** no delivery with that id (not recorded yet, or not ours) */
  | { status: 'not-found' };

const EVERY_CHANNEL: ReadonlySet<ContactMethodType> = new Set(CONTACT_METHOD_TYPES);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A provider's status callback (Twilio MessageStatus/CallStatus, Slack) for a
 * delivery, in one transaction with the row locked, so repeated or concurrent
 * callbacks change it once. Delivered: status delivered (from sending or
 * sent). Failed (from sending or sent): failed and the user's next untried
 * method starts now (fallBack), unless the incident is no longer triggered;
 * `permanent: false` with attempts left sends the same method again instead.
 * Each change appends to the delivery's history and writes a timeline event.
 */
export async function recordDeliveryStatus(ctx: Pick<Context, 'db' | 'now'>, report: DeliveryStatusReport): Promise<DeliveryStatusOutcome> {
  if (report.deliveryId ? !UUID.test(report.deliveryId) : !report.providerId) return { status: 'not-found' };
  return withTransaction(ctx.db.pool, async (client) => {
    const d = await lockDeliveryForCallback(client, report);
    if (!d) return { status: 'not-found' } as const;
    const now = ctx.now();
    const label = CHANNEL_LABEL[d.channel as ContactMethodType] ?? d.channel;
    const providerId = report.providerId ?? null;
    if (d.status !== 'sending' && d.status !== 'sent') return { status: 'unchanged', deliveryId: d.id, current: d.status } as const;

    if (report.status === 'delivered') {
      await setDeliveryStatus(client, d.id, { status: 'delivered', at: now, providerId });
      await recordEvents(client, [deliveryEvent(d, 'notification_delivered', `${label} to ${d.userName} delivered`, { providerId })]);
      return { status: 'recorded', deliveryId: d.id } as const;
    }

    const error = redactSecrets(report.error ?? 'the provider reported a failure');
    if (report.permanent === false && d.attempts < (report.maxAttempts ?? 3) && (d.incidentStatus === 'triggered' || d.isTest)) {
      // a new due time is a new job id (claims match it; the old job's id stays taken while BullMQ keeps it); the dispatcher adds the job
      const dueAt = new Date(Math.max(now.getTime(), d.dueAt.getTime() + 1));
      await setDeliveryStatus(client, d.id, { status: 'queued', at: now, error, providerId, dueAt });
      await notifyDeliveries(client);
      await recordEvents(client, [deliveryEvent(d, 'notification_retry', `${label} to ${d.userName} failed (${error}); trying it again`, { error, providerId, attempts: d.attempts })]);
      return { status: 'recorded', deliveryId: d.id, fallback: `trying ${label} again` } as const;
    }
    await setDeliveryStatus(client, d.id, { status: 'failed', at: now, error, providerId });
    const next = d.incidentStatus === 'triggered' || d.isTest ? await fallBack(client, d, report.configured ?? EVERY_CHANNEL, now) : `incident ${d.incidentStatus}: nothing more to send`;
    if (next === 'nothing left to try') {
      // the page counted as sent when the provider took it; now nothing of it is on its way
      await failNotificationWithoutLiveDeliveries(client, d.notificationId, now);
    }
    await recordEvents(client, [
      deliveryEvent(d, 'notification_failed', `${label} to ${d.userName} failed (provider reported: ${error}); ${next}`, { error, providerId, attempts: d.attempts, fallback: next }),
    ]);
    return { status: 'recorded', deliveryId: d.id, fallback: next } as const;
  });
}
