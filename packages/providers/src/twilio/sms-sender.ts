import { maskPhone } from '@heinrich/core/delivery/mask-contact-value';
import type { DeliverySender } from '../delivery-sender';
import { classifyTwilioError } from './classify-twilio-error';
import { smsText } from './sms-text';
import { twilioCallbackUrl } from './twilio-urls';
import type { TwilioClient } from './twilio-client';

export interface TwilioSenderOptions {
  client: TwilioClient;
  /** TWILIO_FROM_NUMBER; with a messaging service it may be absent */
  fromNumber?: string;
  messagingServiceSid?: string;
  /** PUBLIC_URL: where Twilio posts status callbacks (and fetches call TwiML) */
  publicUrl: string;
}

/**
 * A page by SMS: one GSM-7 segment with the recipient's reply codes, a status
 * callback carrying the delivery id, and a validity of 10 minutes (a page stuck
 * at a carrier for longer is dropped rather than delivered stale). Twilio's
 * `sid` is the provider id; delivered/undelivered arrive at the status webhook.
 */
export function twilioSmsSender(opts: TwilioSenderOptions): DeliverySender {
  return {
    async send(m) {
      const body = smsText({
        serviceName: m.service.name,
        title: m.incident.title,
        incidentNumber: m.incident.number,
        alertCount: m.alertCount,
        url: m.incident.url,
        replyCode: m.replyCode,
      });
      try {
        const msg = await opts.client.messages.create({
          to: m.target,
          body,
          ...(opts.messagingServiceSid ? { messagingServiceSid: opts.messagingServiceSid } : { from: opts.fromNumber! }),
          statusCallback: twilioCallbackUrl(opts.publicUrl, 'status', m.deliveryId),
          validityPeriod: 600,
        });
        return { providerId: msg.sid };
      } catch (err) {
        throw classifyTwilioError(err, `SMS to ${maskPhone(m.target)}`);
      }
    },
  };
}
