import type { Principal } from '@heinrich/core/authz/principal';
import type { ResolvedSlackUser } from './resolve-slack-user';

/**
 * A linked Slack user as authorization sees them: the Heinrich user's own
 * roles (a Slack click may do exactly what that user may do in the UI), named
 * on the timeline as "Alice (Slack user U024BE7LH)" via slack.
 */
export function slackPrincipal(user: ResolvedSlackUser, slackUserId: string): Principal {
  return {
    kind: 'session',
    userId: user.userId,
    role: user.role,
    teamRoles: user.teamRoles,
    display: `${user.name} (Slack user ${slackUserId})`,
    via: 'slack',
  };
}
