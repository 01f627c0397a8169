import { maskPhone } from '@heinrich/core/delivery/mask-contact-value';
import type { DeliverySender } from '../delivery-sender';
import { classifyTwilioError } from './classify-twilio-error';
import type { TwilioSenderOptions } from './sms-sender';
import { twilioCallbackUrl } from './twilio-urls';

/**
 * A page by phone call. Twilio fetches the TwiML from our voice webhook when
 * the call is answered (so it says the incident as it is then), and reports
 * ringing/answered/completed to the status webhook. The call counts as
 * reached only once a key is pressed; the status webhook turns no-answer,
 * busy, failed and a completed call without a keypress into the next method.
 * 30 s of ringing: most voicemails answer sooner, and waiting longer only
 * delays the fallback.
 */
export function twilioVoiceSender(opts: TwilioSenderOptions): DeliverySender {
  return {
    async send(m) {
      try {
        const call = await opts.client.calls.create({
          to: m.target,
          from: opts.fromNumber!,
          url: twilioCallbackUrl(opts.publicUrl, 'voice', m.deliveryId),
          method: 'POST',
          statusCallback: twilioCallbackUrl(opts.publicUrl, 'status', m.deliveryId),
          statusCallbackMethod: 'POST',
          statusCallbackEvent: ['ringing', 'answered', 'completed'],
          timeout: 30,
        });
        return { providerId: call.sid };
      } catch (err) {
        throw classifyTwilioError(err, `call to ${maskPhone(m.target)}`);
      }
    },
  };
}
