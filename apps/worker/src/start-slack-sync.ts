import type { Logger } from '@heinrich/config/logger';
import type { Context } from '@heinrich/usecases/context';
import { catchUpSlackMessages } from '@heinrich/usecases/slack/catch-up-slack-messages';
import { findSlackWork } from '@heinrich/usecases/slack/find-slack-work';
import { listenForSlack } from '@heinrich/usecases/slack/listen-for-slack';
import { syncSlackIncident, type SlackSyncDeps } from '@heinrich/usecases/slack/sync-slack-incident';

/** How often, and over which messages, the sweep looks for timeline entries that committed out of seq order. */
const CATCH_UP_EVERY_MS = 60_000;
const CATCH_UP_WINDOW_MS = 24 * 3600_000;

export interface SlackSyncRuntime {
  /** one sweep now (tests; NOTIFY and the timer call it too) */
  kick(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Keeps Slack messages true in the worker: LISTEN heinrich_slack (a commit
 * that added a timeline entry to an incident with Slack messages, or created
 * a channel post) wakes a sweep; a timer sweeps as the backstop (a lost
 * NOTIFY, a crashed worker's lapsed claim, a retry that is due). Postgres
 * holds what must be done (slack_messages.wanted_seq > synced_seq); this only
 * decides when. A 429 pauses every Slack call of this process for its
 * Retry-After; delivery's other channels are untouched.
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
  let pausedUntil = 0;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let caughtUpAt = 0;

  const sweep = async () => {
    do {
      again = false;
      if (Date.now() < pausedUntil) return;
      if (Date.now() - caughtUpAt >= (deps.catchUpEveryMs ?? CATCH_UP_EVERY_MS)) {
        caughtUpAt = Date.now();
        await catchUpSlackMessages(ctx.db.pool, new Date(ctx.now().getTime() - CATCH_UP_WINDOW_MS));
      }
      const incidents = await findSlackWork(ctx.db.pool, ctx.now(), 50);
      for (const incidentId of incidents) {
        if (stopped) return;
        const r = await syncSlackIncident(ctx, incidentId, deps.sync);
        if (r.rateLimitedMs !== undefined) {
          pausedUntil = Date.now() + r.rateLimitedMs;
          deps.logger.warn({ retryAfterMs: r.rateLimitedMs }, 'slack rate limited: Slack sync paused');
          setTimeout(() => void kick(), r.rateLimitedMs + 50).unref();
          return;
        }
      }
    } while (again && !stopped);
  };
  const kick = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = sweep()
      .catch((err: unknown) => deps.logger.error({ err }, 'slack sync failed'))
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const listener = await listenForSlack(
    deps.databaseUrl,
    () => void kick(),
    (err) => deps.logger.warn({ err: err.message }, 'slack listener error: the timer still syncs'),
  ).catch((err: unknown) => {
    deps.logger.warn({ err }, 'slack listener did not start: the timer still syncs');
    return { close: async () => {} };
  });
  const timer = setInterval(() => void kick(), deps.sweepIntervalMs ?? 5_000);
  void kick();

  return {
    kick,
    async close() {
      stopped = true;
      clearInterval(timer);
      await running;
      await listener.close();
    },
  };
}
