import { z } from 'zod';

// Slack's own request formats (https://api.slack.com/interactivity/slash-commands,
// https://api.slack.com/interactivity/handling): documented here for the OpenAPI
// document; the api reads the raw bytes, because Slack signs the bytes it sent.

/** POST /api/v1/slack/commands: a slash command (`/oncall`), application/x-www-form-urlencoded. */
export const slackCommandForm = z.looseObject({
  command: z.string().describe('the command typed, e.g. /oncall'),
  text: z.string().describe('what followed it: "", "ack 42", a schedule name, "help"'),
  user_id: z.string().describe("the Slack member id of who typed it (linked to a Heinrich user)"),
});

/** POST /api/v1/slack/interactions: a button click, application/x-www-form-urlencoded with one field. */
export const slackInteractionForm = z.looseObject({
  payload: z.string().describe('JSON: a block_actions payload (other interaction types are acknowledged and ignored)'),
});

/** The answer to a slash command: only the person who typed it sees it. */
export const slashReplyJson = z.strictObject({ response_type: z.literal('ephemeral'), text: z.string() });
export type SlashReplyJson = z.infer<typeof slashReplyJson>;
