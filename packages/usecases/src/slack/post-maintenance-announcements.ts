import { redactSecrets } from '@heinrich/core/delivery/redact-secrets';
import {
  claimMaintenanceAnnouncements,
  markAnnouncementFailed,
  markAnnouncementPosted,
  markAnnouncementRetry,
} from '@heinrich/db/maintenance/maintenance-announcements';
import { PermanentDeliveryError } from '@heinrich/providers/delivery-sender';
import { buildMaintenanceAnnouncement } from '@heinrich/providers/slack/maintenance-announcement-message';
import { classifySlackError } from '@heinrich/providers/slack/slack-error';
import type { Context } from '../context';
import type { SlackSyncDeps } from './sync-slack-incident';

export interface AnnouncementPostResult {
  posted: number;
  failed: number;
  retried: number;
  /** Slack answered 429: no Slack call for this long */
  rateLimitedMs?: number;
}

const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * The posting half of the maintenance announcements (in the Slack sync's
 * pass, on its Slack client, so a 429 pauses both): claims the due rows
 * (claimed_until: a second worker or a repeated pass finds them taken),
 * posts each with chat.postMessage and marks it posted. A retryable failure
 * (5xx, network, timeout, 429) keeps the row pending with a backoff (or
 * Retry-After): an outage delays the post, never drops it; a permanent one
 * (channel_not_found, not_in_channel, invalid_auth, ...) marks it failed,
 * logged. The message is rendered when posted, from the facts written when
 * its moment passed, and says so when it goes out late.
 */
export async function postMaintenanceAnnouncements(
  ctx: Pick<Context, 'db' | 'now' | 'logger'>,
  deps: Pick<SlackSyncDeps, 'slack' | 'publicUrl' | 'leaseMs'> & { limit?: number },
): Promise<AnnouncementPostResult> {
  const result: AnnouncementPostResult = { posted: 0, failed: 0, retried: 0 };
  const rows = await claimMaintenanceAnnouncements(ctx.db.pool, ctx.now(), deps.leaseMs ?? 60_000, deps.limit ?? 50);
  for (const [i, row] of rows.entries()) {
    const content = buildMaintenanceAnnouncement(row.kind, row.data, { publicUrl: deps.publicUrl, dueAt: row.dueAt, now: ctx.now() });
    try {
      const posted = await deps.slack.chat.postMessage({ channel: row.channel, text: content.text, blocks: content.blocks as never, unfurl_links: false, unfurl_media: false });
      await markAnnouncementPosted(ctx.db.pool, row.id, posted.ts ?? '', ctx.now());
      result.posted++;
    } catch (err) {
      const e = classifySlackError(err, `chat.postMessage to ${row.channel}`);
      const error = redactSecrets(e.message);
      ctx.logger.warn(
        { announcementId: row.id, windowId: row.windowId, channel: row.channel, kind: row.kind, err: error, givesUp: e instanceof PermanentDeliveryError },
        'maintenance announcement not posted',
      );
      if (e instanceof PermanentDeliveryError) {
        await markAnnouncementFailed(ctx.db.pool, row.id, error);
        result.failed++;
        continue;
      }
      const retryAfterMs = e.retryAfterMs;
      const backoff = retryAfterMs ?? Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(row.attempts + 1, 10));
      const retryAt = new Date(ctx.now().getTime() + backoff);
      await markAnnouncementRetry(ctx.db.pool, row.id, error, retryAt);
      result.retried++;
      if (retryAfterMs !== undefined) {
        // Slack asked for a pause: the rest wait for it too (not counted as attempts)
        result.rateLimitedMs = retryAfterMs;
        for (const rest of rows.slice(i + 1)) await markAnnouncementRetry(ctx.db.pool, rest.id, error, retryAt, false);
        break;
      }
    }
  }
  return result;
}
