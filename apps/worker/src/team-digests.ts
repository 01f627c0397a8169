import type { Logger } from '@heinrich/config/logger';
import type { Context } from '@heinrich/usecases/context';
import { postTeamDigests, type TeamDigestDeps } from '@heinrich/usecases/digests/post-team-digests';
import { startPassRunner, type PassRunner } from './runtime/pass-runner';

/**
 * The weekly team digests in Slack (docs/insights.md "Weekly digest"): every
 * `intervalMs` (a minute) posts the digests whose slot came (postTeamDigests).
 * The claim is the team_digests row in Postgres: a restart or a second worker
 * never posts one twice, a slot missed while down is posted late, once.
 */
export function startTeamDigests(deps: { ctx: Context; logger: Logger; intervalMs: number; digest: TeamDigestDeps }): PassRunner {
  return startPassRunner({
    intervalMs: deps.intervalMs,
    logger: deps.logger,
    failure: 'team digest pass failed',
    pass: async () => {
      const outcome = await postTeamDigests(deps.ctx, deps.digest);
      if (outcome.posted.length > 0) deps.logger.info({ posted: outcome.posted }, 'weekly digests posted');
    },
  });
}
