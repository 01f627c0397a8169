import { insertSlackDm } from '@heinrich/db/slack/insert-slack-dm';
import type { DeliverySender } from '@heinrich/providers/delivery-sender';
import { buildIncidentMessage } from '@heinrich/providers/slack/incident-message';
import type { Context } from '../context';
import { loadSlackIncidentView } from './load-slack-incident-view';

/**
 * The slack channel's sender with what the provider cannot look up itself:
 * the full incident message, rendered from Postgres, and a slack_messages row
 * for the DM once it is posted (channel, ts, the timeline seq it showed), so
 * the Slack sync keeps it true in place like a channel post.
 */
export function withSlackIncidentMessage(ctx: Pick<Context, 'db' | 'now' | 'logger'>, inner: DeliverySender, publicUrl: string): DeliverySender {
  return {
    async send(m) {
      const loaded = await loadSlackIncidentView(ctx, m.incident.id, publicUrl);
      if (!loaded) return inner.send(m);
      const content = buildIncidentMessage(loaded.view);
      return inner.send({
        ...m,
        slack: {
          text: `:rotating_light: You are paged: ${content.text}`,
          blocks: content.blocks,
          onPosted: ({ channelId, ts }) =>
            insertSlackDm(ctx.db.pool, { incidentId: m.incident.id, deliveryId: m.deliveryId, slackUserId: m.target, channelId, ts, seq: loaded.seq, at: ctx.now() }),
        },
      });
    },
  };
}
