import { AppError } from '@heinrich/core/app-error';
import type { SlackClientLike } from '@heinrich/providers/slack/create-slack-client';
import { slackErrorCode } from '@heinrich/providers/slack/slack-error';

/**
 * A slack contact method's value as given: a member id (U.../W...) stays as
 * it is; an email is looked up in Slack (users.lookupByEmail, scope
 * users:read.email) and becomes that member's id. 400 on `value` when Slack
 * knows no such email, or when there is no bot token to ask with.
 */
export async function slackMemberIdFor(value: string, deps: { slack?: SlackClientLike }): Promise<string> {
  const email = value.trim();
  if (!email.includes('@')) return value;
  const invalid = (message: string) => new AppError('validation_failed', `Request body is invalid: value ${message}`, [{ path: 'value', message }]);
  if (!deps.slack) throw invalid('is an email, which needs SLACK_BOT_TOKEN to be looked up in Slack: give the Slack member id (U...) instead');
  try {
    const found = await deps.slack.users.lookupByEmail({ email });
    if (found.user?.id) return found.user.id;
  } catch (err) {
    if (slackErrorCode(err) !== 'users_not_found') {
      throw new AppError('unavailable', `Slack could not look up ${email}: ${(err as Error).message}`);
    }
  }
  throw invalid(`names no Slack user: nobody in the Slack workspace has the email ${email}`);
}
