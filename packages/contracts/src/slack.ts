import { z } from 'zod';
import { formString } from './primitives';

// Slack's own request formats (https://api.slack.com/interactivity/slash-commands,
// https://api.slack.com/interactivity/handling). The api checks the v0 signature
// over the raw bytes first (Slack signs the bytes it sent), then validates these
// at the edge: loose, requiring only the fields Heinrich reads; Slack sends many
// more, and adds new ones, which pass through untouched.

/** POST /api/v1/slack/commands: a slash command (`/oncall`), application/x-www-form-urlencoded. */
export const slackCommandForm = z.looseObject({
  command: formString().default('/oncall').describe('the command typed, e.g. /oncall'),
  text: formString().default('').describe('what followed it: "", "ack 42", a schedule name, "help"'),
  user_id: formString().min(1, 'must not be empty').describe('the Slack member id of who typed it (linked to a Heinrich user)'),
});
export type SlackCommandForm = z.infer<typeof slackCommandForm>;

/** POST /api/v1/slack/interactions: an interaction, application/x-www-form-urlencoded with one field. */
export const slackInteractionForm = z.looseObject({
  payload: formString().describe(
    'JSON: the interaction. Its `type` is read first: a block_actions payload (SlackBlockActionsPayload) is a button click; every other type is acknowledged (200) and ignored',
  ),
});

/** The interaction's `type`, read before anything else: only block_actions is acted on. */
export const slackInteractionType = z.looseObject({
  type: formString().describe('block_actions, view_submission, shortcut, ...'),
});

/**
 * A block_actions payload (https://api.slack.com/reference/interaction-payloads/block-actions),
 * the fields a button click of Heinrich's incident message needs. `channel`,
 * `container.channel_id` and `response_url` are absent outside messages
 * (modals, the App Home); the explanation of a refusal then has nowhere to go.
 */
export const slackBlockActionsPayload = z.looseObject({
  type: z.literal('block_actions', { error: 'must be "block_actions"' }),
  user: z.looseObject({ id: formString().min(1, 'must not be empty').describe('the Slack member id of who clicked') }, { error: 'must be an object with the id of who clicked' }),
  actions: z
    .array(
      z.looseObject(
        {
          action_id: formString().describe('incident_ack, incident_resolve, incident_escalate, incident_silence, incident_unsilence (others are ignored)'),
          value: formString().optional().describe("the button's value: the incident id"),
        },
        { error: 'must be an object' },
      ),
      { error: 'must be an array of actions' },
    )
    .min(1, 'must name the action clicked'),
  response_url: formString().optional(),
  channel: z.looseObject({ id: formString() }, { error: 'must be an object' }).optional(),
  container: z.looseObject({ channel_id: formString().optional() }, { error: 'must be an object' }).optional(),
});
export type SlackBlockActionsPayload = z.infer<typeof slackBlockActionsPayload>;

/** The answer to a slash command: only the person who typed it sees it. */
export const slashReplyJson = z.strictObject({ response_type: z.literal('ephemeral'), text: z.string() });
export type SlashReplyJson = z.infer<typeof slashReplyJson>;
