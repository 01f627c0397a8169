import { findUserBySlackId, type SlackLinkedUser } from '@heinrich/db/slack/find-user-by-slack-id';
import { linkSlackUserByEmail } from '@heinrich/db/slack/link-slack-user-by-email';
import type { SlackClientLike } from '@heinrich/providers/slack/create-slack-client';
import type { Context } from '../context';

export type ResolvedSlackUser = SlackLinkedUser;

/**
 * The Heinrich user behind a Slack member id (a click, a slash command):
 * the stored link (users.slack_user_id), else the Slack profile's email
 * (users.info, scope users:read.email) matched to a Heinrich user's email,
 * which is then stored as the link so the next lookup needs no Slack call.
 * null when nobody matches or Slack cannot tell (no client, an error): the
 * caller explains how to link instead of acting.
 */
export async function resolveSlackUser(
  ctx: Pick<Context, 'db' | 'logger'>,
  slackUserId: string,
  deps: { slack?: SlackClientLike },
): Promise<ResolvedSlackUser | null> {
  const linked = await findUserBySlackId(ctx.db.pool, slackUserId);
  if (linked || !deps.slack) return linked;
  let email: string | undefined;
  try {
    const info = await deps.slack.users.info({ user: slackUserId });
    email = info.user?.profile?.email;
  } catch (err) {
    ctx.logger.warn({ err, slackUserId }, 'slack users.info failed; the Slack user stays unlinked');
    return null;
  }
  if (!email) return null;
  try {
    return await linkSlackUserByEmail(ctx.db.pool, email, slackUserId);
  } catch (err) {
    // two clicks racing to link the same Slack id: the other one stored it
    if ((err as { code?: string }).code === '23505') return findUserBySlackId(ctx.db.pool, slackUserId);
    throw err;
  }
}
