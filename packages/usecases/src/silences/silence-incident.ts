import { AppError } from '@heinrich/core/app-error';
import type { Principal } from '@heinrich/core/authz/principal';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import { claimSilence, dropSilenceClaim, setSilenceId } from '@heinrich/db/silences/claim-silence';
import { closeEndedSilence } from '@heinrich/db/silences/close-ended-silence';
import { findOpenSilence } from '@heinrich/db/silences/find-open-silence';
import { loadSilenceSource } from '@heinrich/db/silences/load-silence-source';
import type { StoredMatcher } from '@heinrich/db/silences/silence-row';
import { withTransaction } from '@heinrich/db/with-transaction';
import { createAlertmanagerClient, type AlertmanagerClient, type AlertmanagerTarget } from '@heinrich/providers/alertmanager/alertmanager-client';
import type { Context } from '../context';
import { authorizeIncidentAction } from '../incidents/authorize-incident-action';
import { changeStatusIn } from '../incidents/change-incident-status';
import { findIncident } from '../incidents/find-incident';
import { describeMatchers, silenceMatchers } from './silence-matchers';
import { silenceActor } from './silence-actor';

export interface SilenceDeps {
  /** default: the fetch client of @heinrich/providers (URL and credentials come from the integration key) */
  alertmanager?: AlertmanagerClient;
}

export interface SilenceIncidentInput {
  incidentId: string;
  /** a Heinrich user acting from outside the API (a linked Slack user) */
  userId?: string;
  /** the API caller (takes precedence over userId) */
  principal?: Principal;
  via: 'slack' | 'api' | 'web' | 'ui';
  /** 1 to 10080 (a week); default 60 */
  durationMinutes?: number;
}

export interface IncidentSilenceView {
  id: string;
  alertmanagerSilenceId: string;
  alertmanagerUrl: string;
  matchers: StoredMatcher[];
  startsAt: Date;
  endsAt: Date;
  createdByName: string;
}

export interface SilenceOutcome {
  silence: IncidentSilenceView;
  /** false: the incident was silenced already, nothing new was made */
  created: boolean;
}

export const MAX_SILENCE_MINUTES = 7 * 24 * 60;

/**
 * The Silence button: acknowledges the incident and creates a silence in the
 * Alertmanager configured on the service's integration key (its Alertmanager URL
 * and credentials; never the externalURL a notification carries: whoever holds
 * the key would choose where we send requests), matching the labels all its alerts share,
 * for `durationMinutes`. Timeline: `acknowledged` (if it was triggered) and
 * `silenced` with the silence id, both by the user, via `via`.
 *
 * Never two silences: the incident's open silence is claimed (a row, UNIQUE per
 * incident) before Alertmanager is called; a second click finds it and answers
 * it. No key with an Alertmanager URL: 409 "set the Alertmanager URL on the
 * integration key". Alertmanager refusing or not answering leaves nothing
 * changed (503 naming the reason, never Alertmanager's own text). Same
 * permission as acknowledging.
 */
export async function silenceIncident(ctx: Context, input: SilenceIncidentInput, deps: SilenceDeps = {}): Promise<SilenceOutcome> {
  const minutes = input.durationMinutes ?? 60;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_SILENCE_MINUTES) {
    throw new AppError('validation_failed', 'Invalid silence', [{ path: 'durationMinutes', message: `must be a whole number of minutes from 1 to ${MAX_SILENCE_MINUTES}` }]);
  }
  const incident = await findIncident(ctx, { id: input.incidentId });
  const who = await silenceActor(ctx, input, input.via);
  await authorizeIncidentAction(ctx, who.principal, 'incident.acknowledge', incident);
  const am = deps.alertmanager ?? createAlertmanagerClient();

  const startsAt = ctx.now();
  const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
  const claim = await withTransaction(ctx.db.pool, async (client) => {
    const source = await loadSilenceSource(client, incident.id);
    if (!source) throw AppError.notFound('Incident', incident.id);
    const existing = await findOpenSilence(client, incident.id);
    if (existing?.silenceId && existing.endsAt > startsAt) return { kind: 'existing' as const, existing: existing as typeof existing & { silenceId: string } };
    // a claim without a silence id is a silence being made; one older than a minute was abandoned (a crash)
    if (existing && !existing.silenceId && startsAt.getTime() - existing.startsAt.getTime() < 60_000) {
      throw new AppError('conflict', `Incident #${incident.number} is being silenced right now`);
    }
    if (source.incident.status === 'resolved') throw new AppError('conflict', `Cannot silence incident #${incident.number}: it is resolved`);
    const matchers = silenceMatchers(source.alertLabels);
    if (source.openedVia === 'events') {
      throw new AppError('conflict', `Cannot silence incident #${incident.number}: it came from the Events API, not from Alertmanager`);
    }
    if (source.alertLabels.length === 0) {
      throw new AppError('conflict', `Cannot silence incident #${incident.number}: it has no Alertmanager alerts`);
    }
    if (matchers.length === 0) {
      throw new AppError('conflict', `Cannot silence incident #${incident.number}: its alerts share no label, so a silence would match every alert`);
    }
    if (!source.key) {
      throw new AppError(
        'conflict',
        `Cannot silence incident #${incident.number}: no Alertmanager URL is configured for its service: set the Alertmanager URL on the integration key (a lead of the service's team)`,
      );
    }
    const url = source.key.alertmanagerUrl;
    if (existing) {
      // open but ended (or abandoned): closed here so the new silence can take its place
      await closeEndedSilence(client, existing.id);
    }
    const id = await claimSilence(client, {
      incidentId: incident.id,
      integrationKeyId: source.key.id,
      alertmanagerUrl: url,
      matchers,
      startsAt,
      endsAt,
      createdBy: who.actor.id,
      createdByName: who.actor.display,
    });
    if (!id) throw new AppError('conflict', `Incident #${incident.number} is being silenced right now`);
    return { kind: 'claimed' as const, id, matchers, target: { url, auth: source.key.auth } satisfies AlertmanagerTarget };
  });

  if (claim.kind === 'existing') {
    const e = claim.existing;
    return { created: false, silence: view(e.id, e.silenceId, e.alertmanagerUrl, e.matchers, e.startsAt, e.endsAt, e.createdByName) };
  }

  let silenceId: string;
  try {
    ({ silenceId } = await am.createSilence(claim.target, {
      matchers: claim.matchers,
      startsAt,
      endsAt,
      createdBy: who.createdBy,
      comment: `Heinrich incident #${incident.number}: ${incident.title} (silenced via ${input.via})`,
    }));
  } catch (err) {
    await dropSilenceClaim(ctx.db.pool, claim.id).catch(() => {});
    throw new AppError('unavailable', `Incident #${incident.number} was not silenced: ${(err as Error).message}`);
  }

  let outboxIds: string[];
  try {
    outboxIds = await withTransaction(ctx.db.pool, async (client) => {
      await setSilenceId(client, claim.id, silenceId);
      const ack = await changeStatusIn(client, incident.id, who.actor, 'acknowledge');
      const until = endsAt.toISOString().slice(0, 16).replace('T', ' ');
      const silenced = await recordEvents(client, [
        {
          incidentId: incident.id,
          type: 'silenced',
          message: `Silenced in Alertmanager by ${who.actor.display} via ${who.actor.via} until ${until} UTC: ${describeMatchers(claim.matchers)}`,
          actor: who.actor.id,
          via: who.actor.via,
          data: { silenceId, alertmanagerUrl: claim.target.url, matchers: claim.matchers, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), durationMinutes: minutes },
        },
      ]);
      return [...ack.outboxIds, ...silenced];
    });
  } catch (err) {
    // Postgres failed after Alertmanager said yes: take the silence back rather than leave one nobody knows of
    await am.expireSilence(claim.target, silenceId).catch(() => {});
    await dropSilenceClaim(ctx.db.pool, claim.id).catch(() => {});
    throw err;
  }
  await ctx.publisher.publish(outboxIds);
  return { created: true, silence: view(claim.id, silenceId, claim.target.url, claim.matchers, startsAt, endsAt, who.actor.display) };
}

function view(
  id: string,
  alertmanagerSilenceId: string,
  alertmanagerUrl: string,
  matchers: StoredMatcher[],
  startsAt: Date,
  endsAt: Date,
  createdByName: string,
): IncidentSilenceView {
  return { id, alertmanagerSilenceId, alertmanagerUrl, matchers, startsAt, endsAt, createdByName };
}
