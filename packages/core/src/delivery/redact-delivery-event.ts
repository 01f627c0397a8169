import type { IncidentEventType } from '../incidents/incident-event-catalog';
import { redactSecrets } from './redact-secrets';

/** Timeline entries whose text comes from a provider's error (webhook, Twilio, Slack): catalog types. */
const PROVIDER_EVENTS: ReadonlySet<string> = new Set<IncidentEventType>(['notification_failed', 'notification_retry', 'notification_unavailable', 'slack_failed']);

/**
 * A timeline entry as every reader may see it: the provider errors in delivery
 * entries redacted (redactSecrets). They are stored redacted; this also covers
 * entries written before that. Other entries (notes, silences) are the
 * people's own words and stay as written. Pure.
 */
export function redactDeliveryEvent<E extends { type: string; message: string; data: Record<string, unknown> }>(e: E): E {
  if (!PROVIDER_EVENTS.has(e.type)) return e;
  const data = { ...e.data };
  for (const key of ['error', 'reason']) if (typeof data[key] === 'string') data[key] = redactSecrets(data[key]);
  return { ...e, message: redactSecrets(e.message), data };
}
