import { maskContactValue } from '@heinrich/core/delivery/mask-contact-value';
import type { Logger } from '@heinrich/config/logger';
import type { DeliveryMessage, DeliverySender } from '../delivery-sender';
import type { SlackClientLike } from './create-slack-client';
import { classifySlackError } from './slack-error';
import { escapeAndTruncate, slackLink } from './incident-message';

/**
 * The slack channel of delivery: a DM from the app to the contact method's
 * Slack member id (conversations.open, then chat.postMessage to the D...
 * channel, whose id and ts are kept for chat.update). The message is the
 * incident message when the wrapper rendered it (m.slack), else a short page.
 * Slack errors become delivery errors (429 -> Retry-After through the slack
 * queue only). Remembering the post is best effort after it is sent: a failure
 * there must not send the page twice.
 */
export function slackDmSender(opts: { client: SlackClientLike; logger: Logger }): DeliverySender {
  return {
    async send(m) {
      let channelId: string;
      try {
        const opened = await opts.client.conversations.open({ users: m.target, return_im: false });
        channelId = opened.channel?.id ?? m.target;
      } catch (err) {
        throw classifySlackError(err, `conversations.open ${maskContactValue('slack', m.target)}`);
      }
      const content = m.slack ?? basicPage(m);
      let ts: string;
      try {
        const posted = await opts.client.chat.postMessage({ channel: channelId, text: content.text, blocks: content.blocks as never, unfurl_links: false, unfurl_media: false });
        channelId = posted.channel ?? channelId;
        ts = posted.ts ?? '';
      } catch (err) {
        throw classifySlackError(err, `chat.postMessage to ${maskContactValue('slack', m.target)}`);
      }
      if (m.slack && ts) {
        await m.slack.onPosted({ channelId, ts }).catch((err: unknown) => opts.logger.error({ err, deliveryId: m.deliveryId }, 'slack DM sent but not remembered: it will not be updated in place'));
      }
      return { providerId: ts ? `${channelId}/${ts}` : null };
    },
  };
}

/** The page without the incident's details (no wrapper): title, service and the link. */
function basicPage(m: DeliveryMessage): { text: string; blocks: Record<string, unknown>[] } {
  const text = `:rotating_light: You are paged: #${m.incident.number} ${escapeAndTruncate(m.incident.title, 2000)} (${escapeAndTruncate(m.service.name, 500)})`;
  const link = slackLink(m.incident.url, `Incident #${m.incident.number}`);
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: link ? `${text}\n${link}` : text } }] };
}
