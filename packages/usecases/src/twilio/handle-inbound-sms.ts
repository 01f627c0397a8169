import { interpretSms, smsActionReply, smsNoIncidentReply, smsOptOutSentence } from '@heinrich/core/twilio/interpret-sms';
import { findPhoneOwners, setSmsOptOut } from '@heinrich/db/twilio/find-phone-owners';
import { findReplyCode } from '@heinrich/db/twilio/allocate-reply-code';
import { findSmsPagedIncidents } from '@heinrich/db/twilio/find-sms-paged-incidents';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import { withTransaction } from '@heinrich/db/with-transaction';
import { messageTwiml } from '@heinrich/providers/twilio/voice-twiml';
import type { Context } from '../context';
import { findIncident } from '../incidents/find-incident';
import { actOnIncident } from './act-on-incident';

/**
 * An SMS to our number (`POST /api/v1/twilio/sms`, signature checked by the
 * route). Returns the reply and the TwiML carrying it (none: an empty
 * `<Response/>`). A number no
 * user has gets a polite note; a reply code acts as that user on the incident
 * the code was given for (codes are per person: the same `12a` from two
 * people may name two incidents). STOP disables the number's sms methods
 * (Twilio itself confirms the opt-out and would not deliver our reply); START
 * enables them again.
 */
export async function handleInboundSms(ctx: Context, sms: { from: string; body: string }): Promise<{ reply: string | undefined; twiml: string }> {
  const reply = await replyTo(ctx, sms);
  return { reply, twiml: messageTwiml(reply) };
}

async function replyTo(ctx: Context, sms: { from: string; body: string }): Promise<string | undefined> {
  const owners = await findPhoneOwners(ctx.db.pool, sms.from);
  const command = interpretSms(sms.body, owners.length > 0);
  switch (command.kind) {
    case 'reply':
      return command.reply;
    case 'opt_out': {
      const changed = await withTransaction(ctx.db.pool, async (client) => {
        const disabled = await setSmsOptOut(client, sms.from, { at: ctx.now(), reason: 'replied STOP' });
        // the open incidents they were paged about by SMS say why SMS stops there
        // (the timeline also reaches their other channels, e.g. a Slack thread)
        const names = new Map(owners.map((o) => [o.userId, o.userName]));
        const open = await findSmsPagedIncidents(client, [...new Set(disabled.map((m) => m.userId))]);
        await recordEvents(
          client,
          open.map((o) => ({
            incidentId: o.incidentId,
            type: 'contact_method_disabled',
            message: smsOptOutSentence(names.get(o.userId), sms.from),
            actor: `user:${o.userId}`,
            via: 'sms',
            data: { userId: o.userId, number: sms.from, contactMethodIds: disabled.filter((m) => m.userId === o.userId).map((m) => m.id) },
          })),
        );
        return disabled;
      });
      ctx.logger.info({ number: sms.from, methods: changed.map((m) => m.id) }, 'sms opt-out: methods disabled');
      return undefined;
    }
    case 'opt_in': {
      const changed = await withTransaction(ctx.db.pool, (client) => setSmsOptOut(client, sms.from, null));
      ctx.logger.info({ number: sms.from, methods: changed.map((m) => m.id) }, 'sms opt-in: methods enabled');
      return command.reply;
    }
    case 'act': {
      const seen = new Set<string>();
      for (const owner of owners) {
        if (seen.has(owner.userId)) continue;
        seen.add(owner.userId);
        const incidentId = await findReplyCode(ctx.db.pool, owner.userId, command.code);
        if (!incidentId) continue;
        const incident = await findIncident(ctx, { id: incidentId });
        const result = await actOnIncident(ctx, { id: owner.userId, name: owner.userName }, incident, command.action, 'sms');
        return smsActionReply(result, incident.title);
      }
      return smsNoIncidentReply(command.code);
    }
  }
}
