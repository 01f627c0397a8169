import { handleSlackInteraction } from '@heinrich/usecases/slack/handle-slack-interaction';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { slackClickOf } from './slack-click';
import { slackWebhook } from './slack-webhook';

/**
 * POST /api/v1/slack/interactions — Slack's button clicks (Interactivity
 * Request URL), a signed urlencoded form with one `payload` field (signature:
 * slackWebhook). 200 with an empty body once the click is committed (Slack
 * wants it within 3 s; refusals are explained to the clicker through the
 * response_url); other interaction types: 200, ignored; 400 for a payload that
 * is not JSON or not a block_actions payload Heinrich can read; 401 for a bad or
 * stale signature; 503 without SLACK_SIGNING_SECRET.
 */
export function slackInteractionsRoute(deps: AppDeps): RequestHandler[] {
  return [
    ...slackWebhook(deps, '256kb'),
    async (req, res) => {
      const click = slackClickOf(req.body);
      if (click) await handleSlackInteraction(deps.ctx, click, { slack: deps.slack });
      res.status(200).end();
    },
  ];
}
