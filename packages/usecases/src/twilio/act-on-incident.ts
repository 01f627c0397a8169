import { AppError } from '@heinrich/core/app-error';
import { actorOf, pagePrincipal } from '@heinrich/core/authz/principal';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { recordEscalationRequest } from '../escalation/request-escalation';
import { acknowledgeIncident, resolveIncident } from '../incidents/change-incident-status';

export type PhoneAction = 'acknowledge' | 'resolve' | 'escalate';

/**
 * A paged person acting from their phone (SMS reply or keypress) on
 * `incident`, the one the page was sent for. Being paged for it is the
 * authorization (`incident.act_as_paged` in core's authorize): the reply code
 * or the call was given to this user for this incident only, whatever their
 * team role. The timeline says "Acknowledged by Alice via sms" and the outbox
 * event fires as for the API. Returns the sentence to confirm with; a refusal
 * (acknowledging a resolved incident) is a sentence too.
 */
export async function actOnIncident(
  ctx: Context,
  user: { id: string; name: string },
  incident: { id: string; number: number },
  action: PhoneAction,
  via: 'sms' | 'voice',
): Promise<{ ok: boolean; text: string }> {
  const principal = pagePrincipal(user, incident.id, via);
  const actor = actorOf(principal);
  try {
    requireAllowed(principal, 'incident.act_as_paged', { incident, act: action });
    if (action === 'escalate') {
      await recordEscalationRequest(ctx, incident, actor);
      return { ok: true, text: `Escalating incident ${incident.number} to the next step.` };
    }
    const change = action === 'acknowledge' ? await acknowledgeIncident(ctx, incident.id, actor) : await resolveIncident(ctx, incident.id, actor);
    const done = action === 'acknowledge' ? 'acknowledged' : 'resolved';
    return { ok: true, text: change.changed ? `Incident ${incident.number} ${done}.` : `Incident ${incident.number} was already ${change.status}.` };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, text: err.message.replace(/#(\d+)/g, '$1') };
    throw err;
  }
}
