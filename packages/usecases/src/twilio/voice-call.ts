import { interpretKeypress } from '@heinrich/core/twilio/interpret-keypress';
import { loadCallContext, type CallContext } from '@heinrich/db/twilio/load-call-context';
import { twilioCallbackUrl } from '@heinrich/providers/twilio/twilio-urls';
import { callTwiml, sayAndHangUp } from '@heinrich/providers/twilio/voice-twiml';
import type { Context } from '../context';
import { recordDeliveryStatus } from '../delivery/record-delivery-status';
import { findIncident } from '../incidents/find-incident';
import { actOnIncident } from './act-on-incident';

const NOT_KNOWN = 'Sorry, this call is not about an incident Heinrich knows. Goodbye.';

function menu(c: CallContext, publicUrl: string, prefix?: string): string {
  return callTwiml(
    { serviceName: c.serviceName, title: c.title, incidentNumber: c.incidentNumber, alertCount: c.alertCount, status: c.incidentStatus },
    twilioCallbackUrl(publicUrl, 'gather', c.deliveryId),
    prefix,
  );
}

/** `POST /api/v1/twilio/voice?delivery=`: the TwiML Twilio fetches when the call is answered. */
export async function voiceCallTwiml(ctx: Context, publicUrl: string, deliveryId: string): Promise<string> {
  const c = await loadVoiceDelivery(ctx, deliveryId);
  return c ? menu(c, publicUrl) : sayAndHangUp(NOT_KNOWN);
}

/**
 * `POST /api/v1/twilio/voice/gather?delivery=` with `Digits`: a key was
 * pressed, so a person answered: the delivery counts as reached (delivered),
 * and a completed call is then no reason to try the next method. 4
 * acknowledges, 6 resolves, 5 escalates (as the user, via voice; the
 * confirmation is spoken), * repeats; any other key says so and repeats.
 */
export async function handleVoiceKeypress(ctx: Context, publicUrl: string, input: { deliveryId: string; callSid?: string; digits?: string }): Promise<string> {
  const c = await loadVoiceDelivery(ctx, input.deliveryId);
  if (!c) return sayAndHangUp(NOT_KNOWN);
  const command = interpretKeypress(input.digits);
  if (command.delivered) await recordDeliveryStatus(ctx, { channel: 'voice', deliveryId: c.deliveryId, providerId: input.callSid ?? null, status: 'delivered' });
  if (command.kind === 'menu') return menu(c, publicUrl, command.prefix);
  const incident = await findIncident(ctx, { id: c.incidentId });
  const result = await actOnIncident(ctx, { id: c.userId, name: c.userName }, incident, command.action, 'voice');
  return sayAndHangUp(`${result.text} Goodbye.`);
}

async function loadVoiceDelivery(ctx: Context, deliveryId: string): Promise<CallContext | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(deliveryId)) return undefined;
  const c = await loadCallContext(ctx.db.pool, deliveryId);
  return c && c.channel === 'voice' ? c : undefined;
}
