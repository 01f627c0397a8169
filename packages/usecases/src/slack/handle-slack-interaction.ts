import { AppError } from '@heinrich/core/app-error';
import type { AlertmanagerClient } from '@heinrich/providers/alertmanager/alertmanager-client';
import type { SlackClientLike } from '@heinrich/providers/slack/create-slack-client';
import { escapeSlack, SLACK_ACTIONS } from '@heinrich/providers/slack/incident-message';
import { postSlackResponse } from '@heinrich/providers/slack/post-slack-response';
import type { Context } from '../context';
import { requestEscalation } from '../escalation/request-escalation';
import { setIncidentStatus } from '../incidents/set-incident-status';
import { silenceIncident } from '../silences/silence-incident';
import { unsilenceIncident } from '../silences/unsilence-incident';
import { resolveSlackUser } from './resolve-slack-user';
import { slackPrincipal } from './slack-principal';

export interface SlackInteractionDeps {
  slack?: SlackClientLike;
  alertmanager?: AlertmanagerClient;
  /** how long the click may take before Slack is answered anyway (it wants 200 within 3 s) */
  budgetMs?: number;
}

/** One button click, as the use case needs it. */
export interface SlackClick {
  slackUserId: string;
  actionId: string;
  /** the button's value: the incident id */
  incidentId: string;
  responseUrl: string | null;
  channelId: string | null;
}

/** What the click did; `explain` is shown to the clicker only (ephemeral). */
export type SlackClickOutcome =
  | { kind: 'done'; action: string }
  | { kind: 'ignored' }
  | { kind: 'unlinked' | 'forbidden' | 'refused'; explain: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KNOWN = new Set<string>(Object.values(SLACK_ACTIONS));

/**
 * POST /api/v1/slack/interactions, once the api has checked Slack's signature
 * and read the click from the block_actions payload (apps/api/src/routes/slack):
 * carries out a button click; a click of a button that is not Heinrich's is
 * ignored. The change is committed in Postgres before Slack is answered
 * (unless it takes longer than the budget: Slack wants 200 within 3 s, so then
 * it finishes after); the message itself is updated by the worker's Slack
 * sync, which hears of the timeline entry. A refusal (unlinked Slack user, role
 * not allowed, resolved incident) changes nothing and is explained to the
 * clicker only.
 */
export async function handleSlackInteraction(ctx: Context, click: SlackClick, deps: SlackInteractionDeps = {}): Promise<{ outcome: SlackClickOutcome | 'pending' }> {
  if (!KNOWN.has(click.actionId)) return { outcome: { kind: 'ignored' } };

  const work = handleSlackClick(ctx, click, deps).then(async (outcome) => {
    if ('explain' in outcome) await explain(ctx, click, outcome.explain, deps);
    return outcome;
  });
  const budget = new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), deps.budgetMs ?? 2_500).unref());
  const outcome = await Promise.race([work, budget]);
  work.catch((err: unknown) => ctx.logger.error({ err, click }, 'slack click failed'));
  return { outcome };
}

/** Carries out a click as the linked Heinrich user, with that user's permissions, via slack. */
export async function handleSlackClick(ctx: Context, click: SlackClick, deps: SlackInteractionDeps): Promise<SlackClickOutcome> {
  const user = await resolveSlackUser(ctx, click.slackUserId, deps);
  if (!user) {
    return {
      kind: 'unlinked',
      explain:
        `Nothing was changed: your Slack account is not linked to a Heinrich user, so Heinrich can't tell who you are. ` +
        `Ask an admin to set your Slack member id (${escapeSlack(click.slackUserId)}) on your Heinrich user, or use the same email address in Slack and in Heinrich.`,
    };
  }
  if (!UUID.test(click.incidentId)) return { kind: 'refused', explain: 'Nothing was changed: this button does not name an incident.' };
  const principal = slackPrincipal(user, click.slackUserId);
  const ref = { id: click.incidentId };
  try {
    switch (click.actionId) {
      case SLACK_ACTIONS.acknowledge:
        await setIncidentStatus(ctx, principal, ref, 'acknowledge');
        break;
      case SLACK_ACTIONS.resolve:
        await setIncidentStatus(ctx, principal, ref, 'resolve');
        break;
      case SLACK_ACTIONS.escalate:
        await requestEscalation(ctx, principal, ref);
        break;
      case SLACK_ACTIONS.silence:
        await silenceIncident(ctx, { incidentId: click.incidentId, principal, via: 'slack', durationMinutes: 60 }, { alertmanager: deps.alertmanager });
        break;
      case SLACK_ACTIONS.unsilence:
        await unsilenceIncident(ctx, { incidentId: click.incidentId, principal, via: 'slack' }, { alertmanager: deps.alertmanager });
        break;
      default:
        return { kind: 'ignored' };
    }
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === 'forbidden') return { kind: 'forbidden', explain: `Nothing was changed: ${escapeSlack(err.message)}` };
    return { kind: 'refused', explain: `Nothing was changed: ${escapeSlack(err.message)}` };
  }
  return { kind: 'done', action: click.actionId };
}

/** Tells the clicker only: the interaction's response_url, else an ephemeral message in the channel. */
async function explain(ctx: Pick<Context, 'logger'>, click: SlackClick, text: string, deps: SlackInteractionDeps): Promise<void> {
  try {
    if (click.responseUrl) await postSlackResponse(click.responseUrl, text);
    else if (deps.slack && click.channelId) await deps.slack.chat.postEphemeral({ channel: click.channelId, user: click.slackUserId, text });
  } catch (err) {
    ctx.logger.warn({ err, slackUserId: click.slackUserId }, 'could not explain a refused Slack click');
  }
}
