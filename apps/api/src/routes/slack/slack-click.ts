import { AppError } from '@heinrich/core/app-error';
import { slackBlockActionsPayload, slackInteractionForm, slackInteractionType } from '@heinrich/contracts/slack';
import type { SlackClick } from '@heinrich/usecases/slack/handle-slack-interaction';
import { z } from 'zod';
import { parse } from '../../http/parse';

// the payload validated under its form field's name, so problems are named `payload.user.id`
const blockActionsForm = z.object({ payload: slackBlockActionsPayload });

/**
 * The click of an interaction form, validated at the edge: the `payload` field
 * must be JSON with a `type`; a block_actions payload must name who clicked and
 * the action (400 naming the field otherwise). Any other interaction type
 * (view_submission, shortcut, ...) is null: acknowledged and ignored.
 */
export function slackClickOf(form: unknown): SlackClick | null {
  const { payload: raw } = parse(slackInteractionForm, form, 'Slack interaction');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError('validation_failed', 'Slack interaction is invalid: payload is not JSON', [{ path: 'payload', message: 'must be JSON' }]);
  }
  const { payload: kind } = parse(z.object({ payload: slackInteractionType }), { payload: json }, 'Slack interaction');
  if (kind.type !== 'block_actions') return null;
  const { payload } = parse(blockActionsForm, { payload: json }, 'Slack interaction');
  const action = payload.actions[0]!;
  return {
    slackUserId: payload.user.id,
    actionId: action.action_id,
    incidentId: action.value ?? '',
    responseUrl: payload.response_url ?? null,
    channelId: payload.channel?.id ?? payload.container?.channel_id ?? null,
  };
}
