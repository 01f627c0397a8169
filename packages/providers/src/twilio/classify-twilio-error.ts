import { redactSecrets } from '@heinrich/core/delivery/redact-secrets';
import { PermanentDeliveryError, RetryableDeliveryError } from '../delivery-sender';

/** Twilio error codes that no retry will heal (PROTOCOLS.md 3.7). */
const PERMANENT_CODES: Record<number, string> = {
  21211: 'invalid phone number',
  21214: 'number cannot be reached',
  21217: 'invalid phone number',
  21219: 'number not verified (trial account)',
  21401: 'invalid phone number',
  21407: 'destination not supported',
  21408: 'sending to this region is not enabled',
  21601: 'number is not SMS-capable',
  21610: 'the recipient replied STOP (unsubscribed)',
  21612: 'the from number cannot reach this number',
  21614: 'number is not a mobile number',
  21215: 'calls to this region are not enabled',
  13224: 'invalid phone number',
  13227: 'calls to this region are not enabled',
};

/** Unsubscribed: the recipient replied STOP to our number. */
export const TWILIO_OPTED_OUT = 21610;

/** A permanent failure that carries Twilio's error code (21610 disables the method). */
export class TwilioPermanentError extends PermanentDeliveryError {
  constructor(
    message: string,
    readonly twilioCode: number | undefined,
  ) {
    super(message);
    this.name = 'TwilioPermanentError';
  }
}

/**
 * What the SDK threw, as the delivery pipeline needs it: our own
 * Retryable/Permanent errors pass; a RestException with a known code or any
 * other 4xx is permanent; 5xx and anything unknown are retryable.
 */
export function classifyTwilioError(err: unknown, what: string): Error {
  if (err instanceof RetryableDeliveryError || err instanceof PermanentDeliveryError) return err;
  const e = err as { status?: number; code?: number; message?: string };
  const code = typeof e.code === 'number' ? e.code : undefined;
  const status = typeof e.status === 'number' ? e.status : undefined;
  // no number, URL or token of the recipient's in what is stored and shown (Twilio's messages name the number)
  const detail = redactSecrets(`${what}: Twilio ${code ?? status ?? 'error'}${code && PERMANENT_CODES[code] ? ` ${PERMANENT_CODES[code]}` : ''}${e.message ? ` (${e.message})` : ''}`);
  if (code !== undefined && PERMANENT_CODES[code]) return new TwilioPermanentError(detail, code);
  if (status !== undefined && status >= 400 && status < 500 && status !== 429) return new TwilioPermanentError(detail, code);
  return new RetryableDeliveryError(detail);
}
