import { maskPhone } from '@heinrich/core/delivery/mask-contact-value';
import { countIncidentAlerts } from '@heinrich/db/incidents/count-incident-alerts';
import { allocateReplyCode } from '@heinrich/db/twilio/allocate-reply-code';
import { setSmsOptOut } from '@heinrich/db/twilio/find-phone-owners';
import { withTransaction } from '@heinrich/db/with-transaction';
import { PermanentDeliveryError, type DeliverySender } from '@heinrich/providers/delivery-sender';
import { TWILIO_OPTED_OUT, TwilioPermanentError } from '@heinrich/providers/twilio/classify-twilio-error';
import type { Context } from '../context';

/**
 * The sms channel's sender with what the provider cannot look up itself: the
 * recipient's reply code for the incident (allocated once, reused on every
 * page of it) and the alert count. When Twilio refuses the number as
 * unsubscribed (21610: it replied STOP), the number's sms methods are disabled
 * so routing skips them until START; the failure names that, which the
 * timeline shows, and the delivery pipeline moves to the user's next method.
 */
export function withSmsReplyCodes(ctx: Pick<Context, 'db' | 'now'>, inner: DeliverySender): DeliverySender {
  return {
    async send(m) {
      const { code, alertCount } = await withTransaction(ctx.db.pool, async (client) => {
        const c = await allocateReplyCode(client, m.user.id, m.incident.id, ctx.now());
        return { code: c, alertCount: await countIncidentAlerts(client, m.incident.id) };
      });
      try {
        return await inner.send({ ...m, replyCode: String(code), alertCount });
      } catch (err) {
        if (err instanceof TwilioPermanentError && err.twilioCode === TWILIO_OPTED_OUT) {
          await withTransaction(ctx.db.pool, (client) => setSmsOptOut(client, m.target, { at: ctx.now(), reason: 'Twilio 21610: the number replied STOP' }));
          throw new PermanentDeliveryError(`${err.message}; SMS to ${maskPhone(m.target)} is disabled until it replies START`);
        }
        throw err;
      }
    },
  };
}
