import { maskContactValue } from '@heinrich/core/delivery/mask-contact-value';
import { redactSecrets } from '@heinrich/core/delivery/redact-secrets';
import { readIncidentEvent } from '@heinrich/core/incidents/incident-event-catalog';
import { recordEvents } from '@heinrich/db/incidents/record-events';
import { listEventsAfter } from '@heinrich/db/slack/list-events-after';
import {
  claimSlackMessages,
  markSlackMessageFailed,
  markSlackMessagePosted,
  markSlackMessageRetry,
  markSlackMessageSynced,
  type SlackMessageRow,
} from '@heinrich/db/slack/slack-message-row';
import { withTransaction } from '@heinrich/db/with-transaction';
import { PermanentDeliveryError, RetryableDeliveryError } from '@heinrich/providers/delivery-sender';
import type { SlackClientLike } from '@heinrich/providers/slack/create-slack-client';
import { buildFollowUp, buildIncidentMessage, isFollowUp, type SlackMessageContent } from '@heinrich/providers/slack/incident-message';
import { classifySlackError } from '@heinrich/providers/slack/slack-error';
import type { Context } from '../context';
import { loadSlackIncidentView } from './load-slack-incident-view';

export interface SlackSyncDeps {
  slack: SlackClientLike;
  publicUrl: string;
  /** how long a worker holds the rows it works on (a crash releases them after this) */
  leaseMs?: number;
  /** a channel post is given up after this many failed attempts */
  maxPostAttempts?: number;
}

export interface SlackSyncResult {
  posted: number;
  updated: number;
  followUps: number;
  failed: number;
  /** Slack answered 429: wait this long before the next Slack call */
  rateLimitedMs?: number;
}

const MAX_BACKOFF_MS = 5 * 60_000;
/** A channel post still pending this long after its incident was resolved is dropped: news that old only floods the channel (after an outage, or a token set later). */
const STALE_POST_MS = 60 * 60_000;

/**
 * Brings an incident's Slack messages up to date with Postgres: posts the
 * pending channel messages, and for each posted message behind the timeline
 * re-renders it (chat.update on the stored channel + ts) and posts the new
 * follow-ups (escalated, alerts joined, resolved, silenced...) in its thread.
 * Rows are claimed first, so a duplicate wake-up or a second worker does
 * nothing; state is re-read after the claim, so the newest wins and a repeat
 * is harmless. A 429 stops the pass and reports Retry-After.
 */
export async function syncSlackIncident(ctx: Pick<Context, 'db' | 'now' | 'logger'>, incidentId: string, deps: SlackSyncDeps): Promise<SlackSyncResult> {
  const result: SlackSyncResult = { posted: 0, updated: 0, followUps: 0, failed: 0 };
  const rows = await claimSlackMessages(ctx.db.pool, incidentId, ctx.now(), deps.leaseMs ?? 60_000);
  if (rows.length === 0) return result;
  const loaded = await loadSlackIncidentView(ctx, incidentId, deps.publicUrl);
  if (!loaded) return result; // deleted: its rows went with it (ON DELETE CASCADE)
  const content = buildIncidentMessage(loaded.view);
  for (const [i, row] of rows.entries()) {
    try {
      if (row.status === 'pending') {
        const resolvedAt = loaded.view.status === 'resolved' ? loaded.view.statusChange?.at : undefined;
        if (resolvedAt && ctx.now().getTime() - resolvedAt.getTime() > STALE_POST_MS) {
          throw new PermanentDeliveryError(`the incident was resolved at ${resolvedAt.toISOString()}, over an hour before it could be posted`);
        }
        await post(ctx, row, content, loaded.seq, deps);
        result.posted++;
      } else {
        result.followUps += await update(ctx, row, content, loaded.seq, deps);
        result.updated++;
      }
    } catch (err) {
      const failure = await fail(ctx, row, err, deps);
      if (failure === 'failed') result.failed++;
      if (failure instanceof RetryableDeliveryError && failure.retryAfterMs !== undefined) {
        // Slack asked for a pause: the rest of this incident's rows wait for it too
        result.rateLimitedMs = failure.retryAfterMs;
        const retryAt = new Date(ctx.now().getTime() + failure.retryAfterMs);
        for (const rest of rows.slice(i + 1)) await markSlackMessageRetry(ctx.db.pool, rest.id, failure.message, retryAt, ctx.now());
        break;
      }
    }
  }
  return result;
}

async function post(ctx: Pick<Context, 'db' | 'now'>, row: SlackMessageRow, content: SlackMessageContent, seq: string, deps: SlackSyncDeps) {
  let posted: { channel?: string; ts?: string };
  try {
    posted = await deps.slack.chat.postMessage({ channel: row.target, text: content.text, blocks: content.blocks as never, unfurl_links: false, unfurl_media: false });
  } catch (err) {
    throw classifySlackError(err, `chat.postMessage to ${row.target}`);
  }
  await markSlackMessagePosted(ctx.db.pool, row.id, { channelId: posted.channel ?? row.target, ts: posted.ts ?? '', seq, at: ctx.now() });
}

/** chat.update, then the thread follow-ups in order; returns how many were posted. */
async function update(ctx: Pick<Context, 'db' | 'now'>, row: SlackMessageRow, content: SlackMessageContent, seq: string, deps: SlackSyncDeps): Promise<number> {
  const channel = row.channelId ?? row.target;
  const ts = row.ts ?? '';
  try {
    await deps.slack.chat.update({ channel, ts, text: content.text, blocks: content.blocks as never });
  } catch (err) {
    throw classifySlackError(err, `chat.update ${channel} ${ts}`);
  }
  // read through the catalog: a row of a type it does not know (older rows) is no follow-up, and never an error
  const events = (await listEventsAfter(ctx.db.pool, row.incidentId, row.syncedSeq, seq)).map((r) => ({ seq: r.seq, read: readIncidentEvent(r) })).filter((e) => isFollowUp(e.read));
  let count = 0;
  for (const event of events) {
    const reply = buildFollowUp(event.read);
    try {
      await deps.slack.chat.postMessage({ channel, thread_ts: ts, text: reply.text, blocks: reply.blocks as never, unfurl_links: false, unfurl_media: false });
    } catch (err) {
      // the replies before this one are posted: remember that, so a retry goes on from here
      await markSlackMessageSynced(ctx.db.pool, row.id, (BigInt(event.seq) - 1n).toString(), ctx.now());
      throw classifySlackError(err, `thread reply in ${channel}`);
    }
    count++;
  }
  await markSlackMessageSynced(ctx.db.pool, row.id, seq, ctx.now());
  return count;
}

/** Records the failure: retried later (backoff or Retry-After), or given up with a timeline entry. */
async function fail(ctx: Pick<Context, 'db' | 'now' | 'logger'>, row: SlackMessageRow, err: unknown, deps: SlackSyncDeps): Promise<'failed' | RetryableDeliveryError> {
  const e = err instanceof PermanentDeliveryError || err instanceof RetryableDeliveryError ? err : new RetryableDeliveryError((err as Error).message);
  const now = ctx.now();
  const attempts = row.attempts + 1;
  const givesUp = e instanceof PermanentDeliveryError || (row.status === 'pending' && attempts >= (deps.maxPostAttempts ?? 10));
  ctx.logger.warn({ incidentId: row.incidentId, slackMessageId: row.id, target: row.target, err: e.message, givesUp }, 'slack message not synced');
  if (!givesUp) {
    const backoff = e instanceof RetryableDeliveryError && e.retryAfterMs !== undefined ? e.retryAfterMs : Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts, 10));
    await markSlackMessageRetry(ctx.db.pool, row.id, e.message, new Date(now.getTime() + backoff), now);
    return e as RetryableDeliveryError;
  }
  // a DM's target is a person's contact value: named masked on the timeline, which everyone reads
  const target = row.kind === 'channel' ? row.target : maskContactValue('slack', row.target);
  const where = row.kind === 'channel' ? `Slack channel ${target}` : `Slack DM to ${target}`;
  const what = row.status === 'pending' ? 'not posted' : 'no longer updated';
  const error = redactSecrets(e.message);
  await withTransaction(ctx.db.pool, async (client) => {
    await markSlackMessageFailed(client, row.id, error, now);
    await recordEvents(client, [
      { incidentId: row.incidentId, type: 'slack_failed', message: `${where}: ${what} (${error})`, actor: 'system', via: 'slack', data: { slackMessageId: row.id, target, error } },
    ]);
  });
  return 'failed';
}
