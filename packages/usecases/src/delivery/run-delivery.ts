import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import { CHANNEL_LABEL } from '@heinrich/core/delivery/plan-delivery';
import { redactSecrets } from '@heinrich/core/delivery/redact-secrets';
import { claimDelivery, setDeliveryStatus, type DeliveryRow } from '@heinrich/db/delivery/delivery-row';
import { recordEvents } from '@heinrich/db/ingest/record-events';
import { withTransaction } from '@heinrich/db/with-transaction';
import type { Context } from '../context';
import { PermanentDeliveryError, RetryableDeliveryError, type DeliverySender } from '@heinrich/providers/delivery-sender';
import { fallBack } from './fall-back';

export type { DeliverySender };

export type DeliveryOutcome =
  | { status: 'sent'; providerId: string | null }
  /** nothing claimed: sent already, cancelled (acknowledged), moved to another time, or another worker has it */
  | { status: 'skipped' }
  /** the provider may take it later; `retryAfterMs`: it asked for a pause */
  | { status: 'retry'; error: string; retryAfterMs?: number }
  /** permanent, or out of attempts: the next method was started in the same transaction */
  | { status: 'failed'; error: string; fallback: string };

export interface RunDeliveryDeps {
  sender: DeliverySender;
  /** channels this worker has providers for (the fallback plans with them) */
  configured: ReadonlySet<ContactMethodType>;
  /** for the incident link: `${publicUrl}/incidents/<number>` */
  publicUrl: string;
  /** the job's last attempt: a retryable error fails it for good */
  finalAttempt: boolean;
}

/**
 * One send of one delivery: claim the row (queued -> sending, only at the job's
 * due time), send outside any transaction, record the outcome. Sent: the page
 * and the timeline say so. Retryable: back to queued (the job retries with
 * backoff). Permanent or out of attempts: failed, and the user's next untried
 * method starts now. A duplicate job claims nothing and sends nothing.
 */
export async function runDelivery(ctx: Pick<Context, 'db' | 'now'>, job: { deliveryId: string; dueAt: Date }, deps: RunDeliveryDeps): Promise<DeliveryOutcome> {
  const claimed = await claimDelivery(ctx.db.pool, job.deliveryId, job.dueAt, ctx.now());
  if (!claimed) return { status: 'skipped' };
  const d = claimed;
  const label = CHANNEL_LABEL[d.channel as ContactMethodType] ?? d.channel;
  try {
    const { providerId } = await deps.sender.send({
      deliveryId: d.id,
      target: d.target,
      signingSecret: d.signingSecret,
      incident: { id: d.incidentId, number: d.incidentNumber, title: d.title, status: d.incidentStatus, urgency: d.urgency, url: `${deps.publicUrl.replace(/\/$/, '')}/incidents/${d.incidentNumber}` },
      service: { id: d.serviceId, name: d.serviceName },
      user: { id: d.userId, name: d.userName },
      cycle: d.cycle,
      step: d.step,
    });
    await withTransaction(ctx.db.pool, async (client) => {
      const now = ctx.now();
      // a provider callback (delivered, failed) may have come first: it stays
      await setDeliveryStatus(client, d.id, { status: 'sent', at: now, providerId, onlyFrom: ['sending'] });
      await client.query(`UPDATE notifications SET status = 'sent', channel = COALESCE(channel, $2), updated_at = $3 WHERE id = $1 AND status = 'pending'`, [d.notificationId, d.channel, now]);
      await recordEvents(client, [event(d, 'notified', `Paged ${d.userName} via ${label}`, { providerId, attempt: d.attempts })]);
    });
    return { status: 'sent', providerId };
  } catch (err) {
    // stored and shown to every reader of the log and the timeline: no URL paths, numbers or tokens
    const error = redactSecrets((err as Error).message);
    const retryable = !(err instanceof PermanentDeliveryError);
    if (retryable && !deps.finalAttempt) {
      await withTransaction(ctx.db.pool, (client) => setDeliveryStatus(client, d.id, { status: 'queued', at: ctx.now(), error }));
      return { status: 'retry', error, retryAfterMs: err instanceof RetryableDeliveryError ? err.retryAfterMs : undefined };
    }
    const fallback = await withTransaction(ctx.db.pool, async (client) => {
      const now = ctx.now();
      await setDeliveryStatus(client, d.id, { status: 'failed', at: now, error });
      const next = await fallBack(client, d, deps.configured, now);
      const why = retryable ? `gave up after ${d.attempts} attempts` : 'permanent failure';
      await recordEvents(client, [event(d, 'notification_failed', `${label} to ${d.userName} failed (${why}: ${error}); ${next}`, { error, attempts: d.attempts, fallback: next })]);
      return next;
    });
    return { status: 'failed', error, fallback };
  }
}

/** Records `unavailable` (no provider for the channel) and starts the next method, in the caller's transaction. */
export async function markUnavailable(client: Parameters<typeof fallBack>[0], d: DeliveryRow, configured: ReadonlySet<ContactMethodType>, now: Date): Promise<void> {
  const label = CHANNEL_LABEL[d.channel as ContactMethodType] ?? d.channel;
  const reason = `${label}: no credentials configured`;
  await setDeliveryStatus(client, d.id, { status: 'unavailable', at: now, error: reason });
  const next = await fallBack(client, d, configured, now);
  await recordEvents(client, [event(d, 'notification_unavailable', `${label} to ${d.userName} not sent (${reason}); ${next}`, { reason, fallback: next })]);
}

function event(d: DeliveryRow, type: string, message: string, data: Record<string, unknown>) {
  return { incidentId: d.incidentId, type, message, actor: 'system', via: d.channel, data: { deliveryId: d.id, userId: d.userId, channel: d.channel, step: d.step, cycle: d.cycle, ...data } };
}
