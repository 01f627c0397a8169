import type { Credentials } from '@heinrich/config/credentials';
import { maskPhone } from '@heinrich/core/delivery/mask-contact-value';
import { classifyTwilioError } from './classify-twilio-error';
import { rotatingTwilioClient } from './rotating-twilio-client';
import type { TwilioClient } from './twilio-client';
import { twilioSignatureValid, type TwilioParams } from './verify-twilio-signature';

/** config.twilio as the config package has it. */
export interface TwilioSettings {
  accountSid?: string;
  authToken?: string;
  fromNumber?: string;
  messagingServiceSid?: string;
  apiBaseUrl?: string;
  /** the live values when sid and token come from files (rotated without a restart) */
  credentials?: Credentials;
}

/** What the api needs from Twilio: webhook signature checks and verification codes. */
export interface TwilioGateway {
  /** the X-Twilio-Signature check for a webhook Twilio called at `url` */
  signatureValid(url: string, signature: string | undefined, params: TwilioParams): boolean;
  /** sms verification codes (false: no from number or messaging service) */
  canSms: boolean;
  /** voice verification calls (false: no from number) */
  canCall: boolean;
  sendSms(to: string, body: string): Promise<{ sid: string }>;
  call(to: string, twiml: string): Promise<{ sid: string }>;
}

/** True when sid and token are set: without them sms and voice are unavailable. */
export function twilioConfigured(s: TwilioSettings): s is TwilioSettings & { accountSid: string; authToken: string } {
  return Boolean(s.accountSid && s.authToken);
}

/** The api's Twilio, or undefined without credentials (its webhooks then answer 503). */
export function createTwilioGateway(s: TwilioSettings, client?: TwilioClient): TwilioGateway | undefined {
  if (!twilioConfigured(s)) return undefined;
  const c = client ?? rotatingTwilioClient({ accountSid: s.accountSid, authToken: s.authToken, apiBaseUrl: s.apiBaseUrl }, s.credentials);
  // during a rotation's grace the previous token still signs valid callbacks
  const authTokens = () => s.credentials?.accepted('TWILIO_AUTH_TOKEN') ?? [s.authToken];
  return {
    signatureValid: (url, signature, params) => authTokens().some((token) => twilioSignatureValid(token, signature, url, params)),
    canSms: Boolean(s.fromNumber || s.messagingServiceSid),
    canCall: Boolean(s.fromNumber),
    async sendSms(to, body) {
      try {
        const m = await c.messages.create({ to, body, ...(s.messagingServiceSid ? { messagingServiceSid: s.messagingServiceSid } : { from: s.fromNumber! }) });
        return { sid: m.sid };
      } catch (err) {
        throw classifyTwilioError(err, `SMS to ${maskPhone(to)}`);
      }
    },
    async call(to, twiml) {
      try {
        const call = await c.calls.create({ to, from: s.fromNumber!, twiml });
        return { sid: call.sid };
      } catch (err) {
        throw classifyTwilioError(err, `call to ${maskPhone(to)}`);
      }
    },
  };
}
