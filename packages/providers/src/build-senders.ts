import type { Logger } from '@heinrich/config/logger';
import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import type { DeliverySender } from './delivery-sender';
import { logSender } from './log-sender';
import { webhookSender } from './webhook-sender';

export interface SenderSettings {
  /** a webhook that has not answered in this long counts as a (retryable) timeout */
  webhookTimeoutMs: number;
}

/**
 * The providers this process can send through, by channel. A channel missing
 * here has no credentials: its deliveries are recorded `unavailable` and the
 * user's next method is used (never dropped silently). Composition roots
 * (apps/worker main.ts, tests, bench) build this and hand it to startDelivery.
 */
export function buildSenders(settings: SenderSettings, logger: Logger, now: () => Date = () => new Date()): Map<ContactMethodType, DeliverySender> {
  return new Map<ContactMethodType, DeliverySender>([
    ['log', logSender(logger)],
    ['webhook', webhookSender({ timeoutMs: settings.webhookTimeoutMs, now })],
  ]);
}
