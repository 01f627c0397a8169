import { createHmac } from 'node:crypto';
import { maskUrl } from '@heinrich/core/delivery/mask-contact-value';
import { redactSecrets } from '@heinrich/core/delivery/redact-secrets';
import { PermanentDeliveryError, RetryableDeliveryError, type DeliveryMessage, type DeliverySender } from './delivery-sender';

/** The `X-Heinrich-Signature` value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (as Stripe and GoAlert sign). */
export function webhookSignature(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** The JSON a webhook contact method receives. */
export function webhookBody(m: DeliveryMessage) {
  return {
    type: 'incident.page',
    deliveryId: m.deliveryId,
    incident: { id: m.incident.id, number: m.incident.number, title: m.incident.title, status: m.incident.status, urgency: m.incident.urgency },
    service: { id: m.service.id, name: m.service.name },
    user: { id: m.user.id, name: m.user.name },
    escalation: { cycle: m.cycle, step: m.step + 1 },
    links: { incident: m.incident.url },
  };
}

/**
 * POSTs the page as signed JSON, the delivery id in `Idempotency-Key` (and
 * `X-Heinrich-Delivery`) so a receiver can drop a repeat. Classified here: 2xx sent; 429 and 5xx and
 * timeouts/network errors retryable (Retry-After in seconds or as an HTTP date
 * is honoured); any other status permanent (the receiver refuses it: a wrong
 * URL, a rejected signature). Redirects are not followed. Errors name the
 * receiver by its host only (`webhook to hooks.example.com answered 404`): the
 * URL's path and query are often its secret, and errors are shown to everyone.
 */
export function webhookSender(opts: { timeoutMs: number; now(): Date; fetch?: typeof fetch }): DeliverySender {
  const doFetch = opts.fetch ?? fetch;
  return {
    async send(m) {
      const body = JSON.stringify(webhookBody(m));
      // the delivery id, the same on every try: a send repeated after a worker died mid-send (at least once) can be dropped
      const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Heinrich-Webhook/1', 'x-heinrich-delivery': m.deliveryId, 'idempotency-key': m.deliveryId };
      if (m.signingSecret) headers['x-heinrich-signature'] = webhookSignature(m.signingSecret, body, opts.now());
      const where = `webhook to ${maskUrl(m.target)}`;
      let res: Response;
      try {
        res = await doFetch(m.target, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(opts.timeoutMs) });
      } catch (err) {
        // a refused address (guarded-fetch.ts) is for good: the next method
        if (err instanceof PermanentDeliveryError) throw new PermanentDeliveryError(`${where}: ${redactSecrets(err.message)}`);
        const e = err as Error & { cause?: { code?: string } };
        const what = e.name === 'TimeoutError' ? `no answer within ${opts.timeoutMs} ms` : redactSecrets(e.cause?.code ?? e.message);
        throw new RetryableDeliveryError(`${where}: ${what}`);
      }
      await res.body?.cancel().catch(() => {});
      if (res.status >= 200 && res.status < 300) return { providerId: res.headers.get('x-request-id') };
      if (res.status === 429) throw new RetryableDeliveryError(`${where} answered 429`, retryAfterMs(res.headers.get('retry-after'), opts.now()));
      if (res.status >= 500) throw new RetryableDeliveryError(`${where} answered ${res.status}`);
      throw new PermanentDeliveryError(`${where} answered ${res.status}`);
    },
  };
}

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 10.2.3); undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now: Date): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
