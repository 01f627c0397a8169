import { recordEvents, type NewIncidentEvent } from '@heinrich/db/incidents/record-events';
import { resolveQuietIncidents } from '@heinrich/db/ingest/resolve-quiet-incidents';
import { closeSilence } from '@heinrich/db/silences/claim-silence';
import { findSilencesToPoll, markSilencePolled } from '@heinrich/db/silences/find-silences-to-poll';
import { findFiringAlerts, resolveAlerts, serviceAutoResolves } from '@heinrich/db/silences/resolve-vanished-alerts';
import type { SilenceRow } from '@heinrich/db/silences/silence-row';
import { withTransaction } from '@heinrich/db/with-transaction';
import { createAlertmanagerClient, type AlertmanagerClient, type AlertmanagerTarget } from '@heinrich/providers/alertmanager/alertmanager-client';
import type { Context } from '../context';
import { silenceMatchers } from './silence-matchers';

/** Silences polled at once in one pass. */
const CONCURRENCY = 8;

/** Where the poller's timeline entries say they come from. */
export const POLL_VIA = 'alertmanager-poll';

export interface PollOutcome {
  polled: number;
  /** alerts found gone from Alertmanager and resolved */
  alertsResolved: number;
  incidentsResolved: number;
  /** silences found ended or expired in Alertmanager (no longer polled) */
  silencesClosed: number;
  /** silences whose Alertmanager could not be asked (tried again next pass) */
  failed: number;
  /** silences not judged because their Alertmanager started within the restart grace */
  deferred: number;
}

/**
 * Alertmanager keeps silences on disk but not alerts: after a restart its alert
 * list is empty until Prometheus re-sends (every resend delay, 1 min by
 * default). Absence means nothing until the Alertmanager has run this long.
 */
export const DEFAULT_RESTART_GRACE_MS = 3 * 60_000;

/**
 * One pass over the open silences of unresolved incidents. A silenced alert
 * that resolves produces no webhook (Alertmanager 0.25 measured), so while a
 * silence is open we ask Alertmanager (GET /api/v2/alerts with the silence's
 * matchers) which of the incident's firing alerts it still has; those it no
 * longer lists (same fingerprint and startsAt) have resolved: they are marked
 * resolved (`alerts_resolved`, via alertmanager-poll) and, on auto-resolving
 * services, an incident with nothing firing is resolved (`resolved`). A silence
 * whose end has passed, or that was expired in Alertmanager, is closed and no
 * longer polled. Conditional updates make two workers polling at once harmless.
 */
export async function pollSilences(
  ctx: Context,
  deps: { alertmanager?: AlertmanagerClient; limit?: number; restartGraceMs?: number } = {},
): Promise<PollOutcome> {
  const client = deps.alertmanager ?? createAlertmanagerClient();
  const silences = await findSilencesToPoll(ctx.db.pool, deps.limit ?? 200);
  const outcome: PollOutcome = { polled: silences.length, alertsResolved: 0, incidentsResolved: 0, silencesClosed: 0, failed: 0, deferred: 0 };
  // each Alertmanager's start time, asked once per pass
  const started = new Map<string, Promise<Date>>();
  const am: Poller = {
    client,
    graceMs: deps.restartGraceMs ?? DEFAULT_RESTART_GRACE_MS,
    startedAt(target) {
      let p = started.get(target.url);
      if (!p) started.set(target.url, (p = client.getStartedAt(target)));
      return p;
    },
  };
  // a few at a time: each is two calls to an Alertmanager and two short transactions
  let next = 0;
  const lane = async () => {
    while (next < silences.length) {
      const s = silences[next++]!;
      try {
        await pollOne(ctx, am, s, outcome);
      } catch (err) {
        outcome.failed += 1;
        ctx.logger.warn({ err: (err as Error).message, incidentId: s.incidentId, silenceId: s.silenceId }, 'silence poll failed');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, silences.length) }, lane));
  return outcome;
}

interface Poller {
  client: AlertmanagerClient;
  graceMs: number;
  startedAt(target: AlertmanagerTarget): Promise<Date>;
}

async function pollOne(ctx: Context, am: Poller, s: SilenceRow, outcome: PollOutcome): Promise<void> {
  const now = ctx.now();
  if (s.endsAt <= now) {
    return close(ctx, s, s.endsAt, outcome, {
      type: 'silence_ended',
      message: `The Alertmanager silence ended at ${s.endsAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    });
  }
  // only the Alertmanager URL configured on the key (gone or unset: nobody to ask until it ends)
  if (!s.targetUrl) return markSilencePolled(ctx.db.pool, s.id, now);
  const target: AlertmanagerTarget = { url: s.targetUrl, auth: s.auth };
  const state = await am.client.getSilence(target, s.silenceId!);
  if (!state || state.state === 'expired') {
    return close(ctx, s, now, outcome, {
      type: 'unsilenced',
      message: state ? 'The Alertmanager silence was expired in Alertmanager' : 'Alertmanager no longer knows the silence',
    });
  }
  // Ask about the alerts firing now, with the labels they all share: an alert that joined the
  // incident after the silence (not matched by it, so it came by webhook) is asked about too,
  // never taken for resolved because the silence's matchers don't list it.
  const firing = await findFiringAlerts(ctx.db.pool, s.incidentId);
  if (firing.length === 0) return markSilencePolled(ctx.db.pool, s.id, now);
  if (now.getTime() - (await am.startedAt(target)).getTime() < am.graceMs) {
    // just (re)started: its alerts may not be back yet, so absence proves nothing
    outcome.deferred += 1;
    return markSilencePolled(ctx.db.pool, s.id, now);
  }
  const present = new Map<string, number[]>();
  for (const a of await am.client.listAlerts(target, silenceMatchers(firing.map((a) => a.labels)))) {
    present.set(a.fingerprint, [...(present.get(a.fingerprint) ?? []), a.startsAt.getTime()]);
  }
  // the API gives startsAt to the millisecond, our rows (Postgres microseconds, rounded) to the millisecond too, ±1
  const stillThere = (a: { fingerprint: string; startsAt: Date }) => (present.get(a.fingerprint) ?? []).some((t) => Math.abs(t - a.startsAt.getTime()) <= 1);
  const gone = new Set(firing.filter((a) => !stillThere(a)).map((a) => a.id));
  const outboxIds = await withTransaction(ctx.db.pool, async (client) => {
    await markSilencePolled(client, s.id, now);
    if (gone.size === 0) return [];
    // only alerts asked about: one that started firing since then is left for the next pass
    const locked = await findFiringAlerts(client, s.incidentId, { lock: true });
    const resolved = new Set(await resolveAlerts(client, locked.filter((a) => gone.has(a.id)).map((a) => a.id), now));
    const list = locked.filter((a) => resolved.has(a.id));
    if (resolved.size === 0) return [];
    const events: NewIncidentEvent[] = [
      {
        incidentId: s.incidentId,
        type: 'alerts_resolved',
        message: `${list.length} alert${list.length === 1 ? '' : 's'} resolved (gone from Alertmanager while silenced): ${list
          .slice(0, 5)
          .map((a) => a.labels.alertname ?? a.fingerprint)
          .join(', ')}${list.length > 5 ? ', ...' : ''}`,
        actor: 'system',
        via: POLL_VIA,
        data: { fingerprints: list.map((a) => a.fingerprint) },
      },
    ];
    outcome.alertsResolved += list.length;
    // resolveQuietIncidents resolves it only when no alert of it fires any more
    if (await serviceAutoResolves(client, s.incidentId)) {
      for (const incident of await resolveQuietIncidents(client, [s.incidentId], 'system')) {
        outcome.incidentsResolved += 1;
        events.push({
          incidentId: incident.id,
          type: 'resolved',
          message: `Incident #${incident.number} resolved: all its alerts have resolved (found by polling Alertmanager while silenced)`,
          actor: 'system',
          via: POLL_VIA,
          topic: 'incident.resolved',
        });
      }
    }
    return recordEvents(client, events);
  });
  await ctx.publisher.publish(outboxIds);
}

/** `at`: when the silence ended (its end, or now); the timeline's data carries it as `endedAt`. */
async function close(ctx: Context, s: SilenceRow, at: Date, outcome: PollOutcome, event: { type: 'unsilenced' | 'silence_ended'; message: string }): Promise<void> {
  await withTransaction(ctx.db.pool, async (client) => {
    if (!(await closeSilence(client, s.id, at, 'system'))) return;
    outcome.silencesClosed += 1;
    await recordEvents(client, [
      { incidentId: s.incidentId, ...event, actor: 'system', via: POLL_VIA, data: { silenceId: s.silenceId, alertmanagerUrl: s.alertmanagerUrl, endedAt: at.toISOString() } },
    ]);
  });
}
