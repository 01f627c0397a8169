import twilio from 'twilio';

export type TwilioParams = Record<string, string | string[]>;

/**
 * X-Twilio-Signature check (PROTOCOLS.md 3.6): HMAC-SHA1 with the auth token
 * over the full URL Twilio called (PUBLIC_URL + path + query, as configured in
 * the console) followed by every form parameter, names sorted; constant-time
 * compare. A missing header is invalid.
 */
export function twilioSignatureValid(authToken: string, signature: string | undefined, url: string, params: TwilioParams): boolean {
  if (!signature) return false;
  return twilio.validateRequest(authToken, signature, url, params);
}

/** The signature Twilio would send (the fake server and tests sign with it). */
export function twilioSignature(authToken: string, url: string, params: TwilioParams): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}
