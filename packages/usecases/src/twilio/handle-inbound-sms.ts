import { findPhoneOwners, setSmsOptOut } from '@heinrich/db/twilio/find-phone-owners';
import { findReplyCode } from '@heinrich/db/twilio/allocate-reply-code';
import { findSmsPagedIncidents } from '@heinrich/db/twilio/find-sms-paged-incidents';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import { withTransaction } from '@heinrich/db/with-transaction';
import { parseSmsReply } from '@heinrich/providers/twilio/parse-sms-reply';
import { messageTwiml } from '@heinrich/providers/twilio/voice-twiml';
import type { Context } from '../context';
import { findIncident } from '../incidents/find-incident';
import { actOnIncident } from './act-on-incident';

export const SMS_HELP = 'Heinrich pages: reply with the code from the page and a letter, e.g. 12a to acknowledge, 12r to resolve, 12e to escalate. STOP ends SMS pages, START turns them on again.';
export const SMS_UNKNOWN_NUMBER = 'Heinrich: this number is not set up for paging, so replies from it do nothing. Please add it to your Heinrich profile first.';

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
  const reply = parseSmsReply(sms.body);
  if (owners.length === 0) return reply.kind === 'stop' ? undefined : SMS_UNKNOWN_NUMBER;
  switch (reply.kind) {
    case 'stop': {
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
            message: `${names.get(o.userId) ?? 'Someone'}'s SMS number ${sms.from} replied STOP: no more SMS pages to it until it replies START`,
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
    case 'start': {
      const changed = await withTransaction(ctx.db.pool, (client) => setSmsOptOut(client, sms.from, null));
      ctx.logger.info({ number: sms.from, methods: changed.map((m) => m.id) }, 'sms opt-in: methods enabled');
      return 'Heinrich: SMS pages to this number are on again.';
    }
    case 'help':
      return SMS_HELP;
    case 'unknown':
      return `Sorry, Heinrich did not understand "${sms.body.trim().slice(0, 40)}". ${SMS_HELP}`;
    case 'action': {
      const seen = new Set<string>();
      for (const owner of owners) {
        if (seen.has(owner.userId)) continue;
        seen.add(owner.userId);
        const incidentId = await findReplyCode(ctx.db.pool, owner.userId, Number(reply.code));
        if (!incidentId) continue;
        const incident = await findIncident(ctx, { id: incidentId });
        const result = await actOnIncident(ctx, { id: owner.userId, name: owner.userName }, incident, reply.action, 'sms');
        return result.ok ? `${result.text} ${truncate(incident.title, 60)}` : result.text;
      }
      return `Heinrich: no incident has code ${reply.code} for you. ${SMS_HELP}`;
    }
  }
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 3)}...`;
}
