import { handleSignedSlackInteraction } from '@heinrich/usecases/slack/handle-slack-interaction';
import express, { type RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';

/**
 * POST /api/v1/slack/interactions — Slack's button clicks (Interactivity
 * Request URL), a signed urlencoded form with one `payload` field. The body is
 * kept raw: Slack signs the bytes it sent. 200 with an empty body once the
 * click is committed (Slack wants it within 3 s; refusals are explained to the
 * clicker through the response_url); 401 for a bad or stale signature; 503
 * without SLACK_SIGNING_SECRET.
 */
export function slackInteractionsRoute(deps: AppDeps): RequestHandler[] {
  return [
    express.raw({ type: () => true, limit: '256kb' }),
    async (req, res) => {
      await handleSignedSlackInteraction(
        deps.ctx,
        {
          rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          timestamp: req.get('x-slack-request-timestamp'),
          signature: req.get('x-slack-signature'),
          signingSecret: deps.config.slack.signingSecret,
        },
        { slack: deps.slack },
      );
      res.status(200).end();
    },
  ];
}
