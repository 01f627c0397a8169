import { PROVIDER_CALL_TIMEOUT_MS } from '@heinrich/config/load-config';
import twilio from 'twilio';
import RequestClient from 'twilio/lib/base/RequestClient.js';
import { RetryableDeliveryError } from '../delivery-sender';
import { retryAfterMs } from '../webhook-sender';

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
  /** TWILIO_API_BASE_URL: every *.twilio.com request goes here instead (a test or staging fake) */
  apiBaseUrl?: string;
  /** per request, ms (the SDK's default is 30 s, too long for a page; ours: PROVIDER_CALL_TIMEOUT_MS, which DELIVERY_LEASE_MS must outlast) */
  timeoutMs?: number;
}

export type TwilioClient = ReturnType<typeof twilio>;

/**
 * The SDK's HTTP client with two changes. The SDK has no base-URL option
 * (PROTOCOLS.md 3.1), so with a base URL every request's scheme and host are
 * replaced by it, path and query kept. And the two answers the SDK would turn
 * into an opaque error become RetryableDeliveryError here, where the headers
 * are still at hand: a network failure or timeout, and 429 with its Retry-After.
 */
class HeinrichRequestClient extends RequestClient {
  constructor(
    private readonly baseUrl: string | undefined,
    timeoutMs: number,
    private readonly now: () => Date,
  ) {
    super({ timeout: timeoutMs, keepAlive: true });
  }

  override async request<TData>(opts: RequestClient.RequestOptions<TData>) {
    let uri = opts.uri;
    if (this.baseUrl) {
      const u = new URL(opts.uri);
      uri = `${this.baseUrl.replace(/\/$/, '')}${u.pathname}${u.search}`;
    }
    let res;
    try {
      res = await super.request<TData>({ ...opts, uri });
    } catch (err) {
      throw new RetryableDeliveryError(`Twilio did not answer: ${(err as Error).message}`);
    }
    if (res.statusCode === 429) {
      const header = res.headers?.['retry-after'];
      throw new RetryableDeliveryError('Twilio answered 429 (too many requests)', retryAfterMs(typeof header === 'string' ? header : null, this.now()));
    }
    return res;
  }
}

/** A Twilio REST client pointed at Twilio, or at TWILIO_API_BASE_URL. */
export function createTwilioClient(creds: TwilioCredentials, now: () => Date = () => new Date()): TwilioClient {
  return twilio(creds.accountSid, creds.authToken, {
    httpClient: new HeinrichRequestClient(creds.apiBaseUrl, creds.timeoutMs ?? PROVIDER_CALL_TIMEOUT_MS, now),
  });
}
