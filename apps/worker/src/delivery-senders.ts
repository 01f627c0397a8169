import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import type { Context } from '@heinrich/usecases/context';
import type { DeliverySender } from '@heinrich/usecases/delivery/run-delivery';
import { withSlackIncidentMessage } from '@heinrich/usecases/slack/with-slack-incident-message';
import { withSmsReplyCodes } from '@heinrich/usecases/twilio/with-sms-reply-codes';
import type { DeliveryMetrics } from './worker-metrics';

export interface DeliverySenders {
  /** the channels with a provider (the rest are recorded unavailable) */
  channels: ReadonlySet<ContactMethodType>;
  /** the channel's sender for one job; `firstDueAt` on a first attempt, to measure how late it starts */
  forJob(channel: ContactMethodType, firstDueAt: Date | undefined): DeliverySender;
}

/**
 * Every wrapper around the providers (buildSenders), applied here and nowhere
 * else, outermost first:
 * - timing (heinrich_delivery_send_duration_seconds; on a first attempt also
 *   heinrich_delivery_latency_seconds, from the due time to the send);
 * - sms: the recipient's reply code and the alert count, and STOP (21610)
 *   disabling the number (withSmsReplyCodes);
 * - slack: the full incident message, and the DM's slack_messages row so the
 *   Slack sync keeps it true in place (withSlackIncidentMessage).
 * Rate limits are the queues' (start-delivery.ts), the lease is the claim's
 * (runDelivery), redaction happens where errors are made and stored.
 */
export function wrapSenders(
  deps: { ctx: Pick<Context, 'db' | 'now' | 'logger'>; publicUrl: string; metrics: DeliveryMetrics },
  providers: ReadonlyMap<ContactMethodType, DeliverySender>,
): DeliverySenders {
  const { ctx, metrics } = deps;
  const withContent = new Map<ContactMethodType, DeliverySender>();
  for (const [channel, provider] of providers) {
    if (channel === 'sms') withContent.set(channel, withSmsReplyCodes(ctx, provider));
    else if (channel === 'slack') withContent.set(channel, withSlackIncidentMessage(ctx, provider, deps.publicUrl));
    else withContent.set(channel, provider);
  }

  return {
    channels: new Set(withContent.keys()),
    forJob(channel, firstDueAt) {
      const sender = withContent.get(channel);
      if (!sender) throw new Error(`No sender for channel ${channel}`);
      return {
        async send(message) {
          if (firstDueAt) metrics.latency.observe({ channel }, Math.max(0, ctx.now().getTime() - firstDueAt.getTime()) / 1000);
          const started = performance.now();
          try {
            return await sender.send(message);
          } finally {
            metrics.sendDuration.observe({ channel }, (performance.now() - started) / 1000);
          }
        },
      };
    },
  };
}
