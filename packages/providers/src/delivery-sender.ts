/** What a provider needs to send one page. */
export interface DeliveryMessage {
  deliveryId: string;
  /** the contact method's value: a URL, a number, a label */
  target: string;
  signingSecret: string | null;
  incident: { id: string; number: number; title: string; status: string; urgency: string; url: string };
  service: { id: string; name: string };
  user: { id: string; name: string };
  cycle: number;
  step: number;
  /** SMS: the recipient's short reply code for this incident ("Reply 12a to ack"), added by the sms channel's wrapper */
  replyCode?: string;
  /** alerts grouped into the incident, when the channel's wrapper looked them up */
  alertCount?: number;
  /**
   * Slack: the incident message rendered from Postgres (the slack channel's
   * wrapper) and where to remember the post so it is kept true in place
   */
  slack?: { text: string; blocks: Record<string, unknown>[]; onPosted(posted: { channelId: string; ts: string }): Promise<void> };
}

/**
 * A failure worth trying again (timeout, 5xx, 429). `retryAfterMs`: the
 * provider asked for a pause (Retry-After), which pauses its whole queue.
 */
export class RetryableDeliveryError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'RetryableDeliveryError';
  }
}

/** A failure that will not heal by retrying (4xx other than 429, invalid number, unsubscribed). */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

/** One provider: sends, or throws RetryableDeliveryError / PermanentDeliveryError (anything else counts as retryable). */
export interface DeliverySender {
  send(message: DeliveryMessage): Promise<{ providerId: string | null }>;
}
