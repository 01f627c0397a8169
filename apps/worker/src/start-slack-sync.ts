import type { Logger } from '@heinrich/config/logger';
import type { Context } from '@heinrich/usecases/context';
import { catchUpSlackMessages } from '@heinrich/usecases/slack/catch-up-slack-messages';
import { findSlackWork } from '@heinrich/usecases/slack/find-slack-work';
import { listenForSlack } from '@heinrich/usecases/slack/listen-for-slack';
import { planMaintenanceAnnouncements } from '@heinrich/usecases/maintenance/plan-maintenance-announcements';
import { postMaintenanceAnnouncements } from '@heinrich/usecases/slack/post-maintenance-announcements';
import { syncSlackIncident, type SlackSyncDeps } from '@heinrich/usecases/slack/sync-slack-incident';
import { startPassRunner, type PassControl } from './runtime/pass-runner';

/** How often, and over which messages, the sweep looks for timeline entries that committed out of seq order. */
const CATCH_UP_EVERY_MS = 60_000;
const CATCH_UP_WINDOW_MS = 24 * 3600_000;

export interface SlackSyncRuntime {
  /** one sweep now (tests; NOTIFY and the timer call it too) */
  kick(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Keeps Slack messages true in the worker: LISTEN heinrich_slack (SLACK_CHANNEL
 * of packages/db/src/slack/listen-for-slack.ts; NOTIFYed at commit by the
 * triggers `incident_events_mark_slack_stale`, a timeline entry of an incident
 * with Slack messages, and `slack_messages_notify`, a channel post to make,
 * both in migration 20261128225608_slack) wakes a sweep (a pass runner); a
 * timer sweeps as the backstop (a lost NOTIFY, a crashed worker's lapsed
 * claim, a retry that is due). Postgres holds what must be done
 * (slack_messages.wanted_seq > synced_seq); this only decides when. A 429
 * pauses the sync (every Slack call of its sweeps) for its Retry-After;
 * delivery's channels, Slack DMs included, are untouched. Each sweep also
 * plans and posts the maintenance windows' start and end announcements
 * (planMaintenanceAnnouncements, postMaintenanceAnnouncements).
 */
export async function startSlackSync(deps: {
  db: Context['db'];
  logger: Logger;
  databaseUrl: string;
  sync: SlackSyncDeps;
  sweepIntervalMs?: number;
  /** how often a sweep also catches up with out-of-order timeline entries (default a minute) */
  catchUpEveryMs?: number;
  now?: () => Date;
}): Promise<SlackSyncRuntime> {
  const ctx = { db: deps.db, logger: deps.logger, now: deps.now ?? (() => new Date()) };
  const catchUpEveryMs = deps.catchUpEveryMs ?? CATCH_UP_EVERY_MS;
  // on the injected clock; the first sweep catches up
  let caughtUpAt: number | undefined;

  const sweep = async ({ signal, pause }: PassControl): Promise<void> => {
    const now = ctx.now();
    if (caughtUpAt === undefined || now.getTime() - caughtUpAt >= catchUpEveryMs) {
      caughtUpAt = now.getTime();
      await catchUpSlackMessages(ctx.db.pool, new Date(now.getTime() - CATCH_UP_WINDOW_MS));
    }
    const incidents = await findSlackWork(ctx.db.pool, ctx.now(), 50);
    for (const incidentId of incidents) {
      if (signal.aborted) return;
      const r = await syncSlackIncident(ctx, incidentId, deps.sync);
      if (r.rateLimitedMs !== undefined) {
        // no sweep until Retry-After has passed; then one (the rest of this one's incidents too)
        pause(r.rateLimitedMs);
        deps.logger.warn({ retryAfterMs: r.rateLimitedMs }, 'slack rate limited: Slack sync paused');
        return;
      }
    }
    if (signal.aborted) return;
    // maintenance windows' starts and ends (docs/maintenance-windows.md "Slack announcements"): planned once, then posted on this client and its pauses
    await planMaintenanceAnnouncements(ctx);
    const announced = await postMaintenanceAnnouncements(ctx, deps.sync);
    if (announced.rateLimitedMs !== undefined) {
      pause(announced.rateLimitedMs);
      deps.logger.warn({ retryAfterMs: announced.rateLimitedMs }, 'slack rate limited: Slack sync paused');
    }
  };

  const runner = startPassRunner({
    logger: deps.logger,
    failure: 'slack sync failed',
    intervalMs: deps.sweepIntervalMs ?? 5_000,
    pass: sweep,
  });
  const listener = await listenForSlack(
    deps.databaseUrl,
    () => void runner.wake(),
    (err) => deps.logger.warn({ err: err.message }, 'slack listener error: the timer still syncs'),
  ).catch((err: unknown) => {
    deps.logger.warn({ err }, 'slack listener did not start: the timer still syncs');
    return { close: async () => {} };
  });
  // once listening: a commit after this NOTIFYs, this sweep covers every one before
  void runner.wake();

  return {
    kick: runner.wake,
    async close() {
      await runner.stop();
      await listener.close();
    },
  };
}
