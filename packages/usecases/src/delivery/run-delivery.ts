import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import { CHANNEL_LABEL } from '@heinrich/core/delivery/plan-delivery';
import { redactSecrets } from '@heinrich/core/delivery/redact-secrets';
import { claimDelivery, setDeliveryStatus, type DeliveryRow } from '@heinrich/db/delivery/delivery-row';
import { markNotificationSent } from '@heinrich/db/delivery/mark-notification-sent';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import { withTransaction } from '@heinrich/db/with-transaction';
import type { Context } from '../context';
import { PermanentDeliveryError, RetryableDeliveryError, type DeliverySender } from '@heinrich/providers/delivery-sender';
import { deliveryEvent } from './delivery-event';
import { fallBack } from './fall-back';

export type { DeliverySender };

/** Which page a send was, for the worker's log line: incident number, title and link, who and how. */
export interface PageRef {
  deliveryId: string;
  channel: string;
  incidentNumber: number;
  title: string;
  link: string;
  user: string;
  attempt: number;
}

export type DeliveryOutcome =
  | { status: 'sent'; providerId: string | null; page: PageRef }
  /** nothing claimed: sent already, cancelled (acknowledged), moved to another time; or a send whose lease was taken over meanwhile */
  | { status: 'skipped' }
  /** another claim's lease is live (its worker may still be sending): the job must come back after `leaseUntil`, not complete */
  | { status: 'held'; leaseUntil: Date }
  /** the provider may take it later; `retryAfterMs`: it asked for a pause */
  | { status: 'retry'; error: string; retryAfterMs?: number; page: PageRef }
  /** permanent, or out of attempts: the next method was started in the same transaction */
  | { status: 'failed'; error: string; fallback: string; page: PageRef };

export interface RunDeliveryDeps {
  sender: DeliverySender;
  /** channels this worker has providers for (the fallback plans with them) */
  configured: ReadonlySet<ContactMethodType>;
  /** for the incident link: `${publicUrl}/incidents/<number>` */
  publicUrl: string;
  /** the job's last attempt: a retryable error fails it for good */
  finalAttempt: boolean;
  /** how long a claim holds the delivery (DELIVERY_LEASE_MS): past it, its worker is taken to have died */
  leaseMs: number;
}

/**
 * One send of one delivery: claim the row (queued -> sending under a lease,
 * only at the job's due time; or take over a claim whose lease expired), send
 * outside any transaction, record the outcome, only while the claim is still
 * the latest (a send that outlived its lease leaves the row to the attempt that
 * took over). Sent: the page and the timeline say so. Retryable: back to queued
 * (the job retries with backoff). Permanent or out of attempts: failed, and the
 * user's next untried method starts now. A live lease of another claim is
 * `held` (the job comes back later); a duplicate job claims nothing and sends nothing.
 */
export async function runDelivery(ctx: Pick<Context, 'db' | 'now'>, job: { deliveryId: string; dueAt: Date }, deps: RunDeliveryDeps): Promise<DeliveryOutcome> {
  const claim = await claimDelivery(ctx.db.pool, job.deliveryId, job.dueAt, ctx.now(), deps.leaseMs);
  if (claim.status === 'held') return { status: 'held', leaseUntil: claim.leaseUntil };
  if (claim.status === 'none') return { status: 'skipped' };
  const d = claim.row;
  const label = CHANNEL_LABEL[d.channel as ContactMethodType] ?? d.channel;
  const link = `${deps.publicUrl.replace(/\/$/, '')}/incidents/${d.incidentNumber}`;
  const page: PageRef = { deliveryId: d.id, channel: d.channel, incidentNumber: d.incidentNumber, title: d.title, link, user: d.userName, attempt: d.attempts };
  // only while this claim is the delivery's latest
  const mine = { onlyFrom: ['sending'], attempt: d.attempts };
  try {
    const { providerId } = await deps.sender.send({
      deliveryId: d.id,
      target: d.target,
      signingSecret: d.signingSecret,
      incident: { id: d.incidentId, number: d.incidentNumber, title: d.title, status: d.isTest ? 'triggered' : d.incidentStatus, urgency: d.urgency, url: link },
      service: { id: d.serviceId, name: d.serviceName },
      user: { id: d.userId, name: d.userName },
      cycle: d.cycle,
      step: d.step,
    });
    await withTransaction(ctx.db.pool, async (client) => {
      const now = ctx.now();
      // a provider callback (delivered, failed) may have come first: it stays; so does an attempt that took over
      await setDeliveryStatus(client, d.id, { status: 'sent', at: now, providerId, ...mine });
      await markNotificationSent(client, d.notificationId, d.channel, now);
      // it did go out: said even when another attempt has taken over (the person may be paged twice)
      await recordEvents(client, [deliveryEvent(d, 'notified', `Paged ${d.userName} via ${label}`, { providerId, attempt: d.attempts })]);
    });
    return { status: 'sent', providerId, page };
  } catch (err) {
    // stored and shown to every reader of the log and the timeline: no URL paths, numbers or tokens
    const error = redactSecrets((err as Error).message);
    const retryable = !(err instanceof PermanentDeliveryError);
    if (retryable && !deps.finalAttempt) {
      const mineStill = await withTransaction(ctx.db.pool, (client) => setDeliveryStatus(client, d.id, { status: 'queued', at: ctx.now(), error, ...mine }));
      // taken over meanwhile: the attempt that took it sends it, not this job
      if (!mineStill) return { status: 'skipped' };
      return { status: 'retry', error, retryAfterMs: err instanceof RetryableDeliveryError ? err.retryAfterMs : undefined, page };
    }
    const fallback = await withTransaction(ctx.db.pool, async (client) => {
      const now = ctx.now();
      if (!(await setDeliveryStatus(client, d.id, { status: 'failed', at: now, error, ...mine }))) return undefined;
      const next = await fallBack(client, d, deps.configured, now);
      const why = retryable ? `gave up after ${d.attempts} attempts` : 'permanent failure';
      await recordEvents(client, [deliveryEvent(d, 'notification_failed', `${label} to ${d.userName} failed (${why}: ${error}); ${next}`, { error, attempts: d.attempts, fallback: next })]);
      return next;
    });
    if (fallback === undefined) return { status: 'skipped' };
    return { status: 'failed', error, fallback, page };
  }
}

/** Records `unavailable` (no provider for the channel) and starts the next method, in the caller's transaction. */
export async function markUnavailable(client: Parameters<typeof fallBack>[0], d: DeliveryRow, configured: ReadonlySet<ContactMethodType>, now: Date): Promise<void> {
  const label = CHANNEL_LABEL[d.channel as ContactMethodType] ?? d.channel;
  const reason = `${label}: no credentials configured`;
  await setDeliveryStatus(client, d.id, { status: 'unavailable', at: now, error: reason });
  const next = await fallBack(client, d, configured, now);
  await recordEvents(client, [deliveryEvent(d, 'notification_unavailable', `${label} to ${d.userName} not sent (${reason}); ${next}`, { reason, fallback: next })]);
}
