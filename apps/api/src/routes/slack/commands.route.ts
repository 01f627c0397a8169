import { slackCommandForm, type SlashReplyJson } from '@heinrich/contracts/slack';
import { handleSlashCommand } from '@heinrich/usecases/slack/handle-slash-command';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';
import { slackWebhook } from './slack-webhook';

/**
 * POST /api/v1/slack/commands — Slack's slash command (`/oncall`), a signed
 * urlencoded form (signature: slackWebhook). 200 with an ephemeral message for
 * every command (problems included, so the person sees what to do); 400
 * without user_id; 401 for a bad or stale signature.
 */
export function slackCommandsRoute(deps: AppDeps): RequestHandler[] {
  return [
    ...slackWebhook(deps, '64kb'),
    async (req, res) => {
      const form = parse(slackCommandForm, req.body, 'Slash command');
      const reply = await handleSlashCommand(deps.ctx, { command: form.command, text: form.text, slackUserId: form.user_id }, { slack: deps.slack });
      res.json(reply satisfies SlashReplyJson);
    },
  ];
}
