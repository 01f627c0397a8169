import type { SlashReplyJson } from '@heinrich/contracts/slack';
import { handleSignedSlashCommand } from '@heinrich/usecases/slack/handle-slash-command';
import express, { type RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';

/**
 * POST /api/v1/slack/commands — Slack's slash command (`/oncall`), a signed
 * urlencoded form. The body is kept raw: Slack signs the bytes it sent. 200
 * with an ephemeral message for every command (problems included, so the
 * person sees what to do); 401 for a bad or stale signature.
 */
export function slackCommandsRoute(deps: AppDeps): RequestHandler[] {
  return [
    express.raw({ type: () => true, limit: '64kb' }),
    async (req, res) => {
      const reply = await handleSignedSlashCommand(
        deps.ctx,
        {
          rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          timestamp: req.get('x-slack-request-timestamp'),
          signature: req.get('x-slack-signature'),
          signingSecret: deps.config.slack.signingSecret,
        },
        { slack: deps.slack },
      );
      res.json(reply satisfies SlashReplyJson);
    },
  ];
}
