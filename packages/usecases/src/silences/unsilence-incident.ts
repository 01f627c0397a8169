import { AppError } from '@heinrich/core/app-error';
import type { Principal } from '@heinrich/core/authz/principal';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import { closeSilence } from '@heinrich/db/silences/claim-silence';
import { findOpenSilence } from '@heinrich/db/silences/find-open-silence';
import { withTransaction } from '@heinrich/db/with-transaction';
import { createAlertmanagerClient } from '@heinrich/providers/alertmanager/alertmanager-client';
import type { Context } from '../context';
import { authorizeIncidentAction } from '../incidents/authorize-incident-action';
import { findIncident } from '../incidents/find-incident';
import { silenceActor } from './silence-actor';
import type { SilenceDeps } from './silence-incident';

export interface UnsilenceIncidentInput {
  incidentId: string;
  userId?: string;
  principal?: Principal;
  via: 'slack' | 'api' | 'web' | 'ui';
}

/**
 * Unsilence: expires the incident's open silence in Alertmanager (DELETE
 * /api/v2/silence/{id}) and records `unsilenced`. The incident's status is
 * left as it is. No open silence: nothing changes (`expired: false`).
 * Alertmanager refusing or not answering: 503, the silence stays open.
 */
export async function unsilenceIncident(ctx: Context, input: UnsilenceIncidentInput, deps: SilenceDeps = {}): Promise<{ expired: boolean }> {
  const incident = await findIncident(ctx, { id: input.incidentId });
  const who = await silenceActor(ctx, input, input.via);
  await authorizeIncidentAction(ctx, who.principal, 'incident.acknowledge', incident);
  const am = deps.alertmanager ?? createAlertmanagerClient();

  const open = await findOpenSilence(ctx.db.pool, incident.id);
  if (!open?.silenceId) return { expired: false };
  if (!open.targetUrl) {
    throw new AppError(
      'conflict',
      `Incident #${incident.number} is still silenced: no Alertmanager URL is configured for it: set the Alertmanager URL on the integration key, or expire silence ${open.silenceId} in Alertmanager`,
    );
  }
  try {
    await am.expireSilence({ url: open.targetUrl, auth: open.auth }, open.silenceId);
  } catch (err) {
    throw new AppError('unavailable', `Incident #${incident.number} is still silenced: ${(err as Error).message}`);
  }
  const now = ctx.now();
  const closed = await withTransaction(ctx.db.pool, async (client) => {
    if (!(await closeSilence(client, open.id, now, who.actor.id))) return false;
    await recordEvents(client, [
      {
        incidentId: incident.id,
        type: 'unsilenced',
        message: `Alertmanager silence expired by ${who.actor.display} via ${who.actor.via}`,
        actor: who.actor.id,
        via: who.actor.via,
        data: { silenceId: open.silenceId, alertmanagerUrl: open.alertmanagerUrl, endedAt: now.toISOString() },
      },
    ]);
    return true;
  });
  return { expired: closed };
}
