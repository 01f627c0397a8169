import { AppError } from '@heinrich/core/app-error';
import { findSchedulesForOnCall } from '@heinrich/db/schedules/find-schedules-for-on-call';
import { listTeamScheduleNames } from '@heinrich/db/schedules/list-team-schedule-names';
import type { SlackClientLike } from '@heinrich/providers/slack/create-slack-client';
import type { Context } from '../context';
import { setIncidentStatus } from '../incidents/set-incident-status';
import { getShifts } from '../schedules/get-shifts';
import { resolveSlackUser, type ResolvedSlackUser } from './resolve-slack-user';
import { slackPrincipal } from './slack-principal';

/** The Slack Web API client (bot token) as use cases take it; the api's AppDeps.slack. */
export type SlackApi = SlackClientLike;

/** The fields of Slack's slash command POST we use (docs/protocols.md 2.3), validated by the api (packages/contracts/src/slack.ts). */
export interface SlashCommand {
  /** "/oncall" (whatever the app's manifest names it) */
  command: string;
  text: string;
  /** the Slack member id of who typed it */
  slackUserId: string;
}

/** The answer, sent back as the HTTP response: only the person who typed the command sees it. */
export interface SlashReply {
  response_type: 'ephemeral';
  text: string;
}

/** How far ahead "until when" looks: a shift longer than this reads "for at least 2 weeks". */
const LOOKAHEAD_MS = 14 * 86_400_000;

/**
 * `/oncall` (who is on call now in the schedules of my teams, and until when),
 * `/oncall <schedule name>`, `/oncall ack <incident number>` (acknowledges as
 * the linked Heinrich user, via slack, with that user's permissions), and
 * `/oncall help`. Every answer is ephemeral text; every problem (unlinked Slack
 * user, unknown schedule or incident, not allowed) is an answer that says what
 * to do, never an error page. Everything but help needs a linked user: Slack
 * membership alone is not a Heinrich account.
 */
export async function handleSlashCommand(ctx: Context, cmd: SlashCommand, deps: { slack?: SlackClientLike } = {}): Promise<SlashReply> {
  const text = cmd.text.trim();
  const [verb = '', ...rest] = text.split(/\s+/);
  if (/^(help|\?)$/i.test(verb)) return reply(help(cmd.command));

  const user = await resolveSlackUser(ctx, cmd.slackUserId, deps);
  if (!user) {
    return reply(
      `Your Slack account is not linked to a Heinrich user, so Heinrich can't tell who you are. ` +
        `Ask an admin to set your Slack member id (${escapeSlack(cmd.slackUserId)}) on your Heinrich user, ` +
        `or use the same email address in Slack and in Heinrich.`,
    );
  }
  if (/^ack(nowledge)?$/i.test(verb)) return acknowledge(ctx, user, cmd, rest.join(' '));
  if (text === '' || /^who$/i.test(text)) return whoIsOnCall(ctx, user, null);
  return whoIsOnCall(ctx, user, text);
}

async function acknowledge(ctx: Context, user: ResolvedSlackUser, cmd: SlashCommand, arg: string): Promise<SlashReply> {
  const m = /^#?(\d{1,10})$/.exec(arg.trim());
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 2_147_483_647) {
    return reply(`Which incident? Give its number: \`${cmd.command} ack 42\`.`);
  }
  const number = Number(m[1]);
  try {
    const detail = await setIncidentStatus(ctx, slackPrincipal(user, cmd.slackUserId), { number }, 'acknowledge');
    return reply(`:white_check_mark: Incident #${number} (${escapeSlack(detail.incident.title)}) is acknowledged.`);
  } catch (err) {
    if (err instanceof AppError) return reply(`Incident #${number} was not acknowledged: ${escapeSlack(err.message)}`);
    throw err;
  }
}

async function whoIsOnCall(ctx: Context, user: ResolvedSlackUser, name: string | null): Promise<SlashReply> {
  const teamIds = Object.keys(user.teamRoles);
  const schedules = await findSchedulesForOnCall(ctx.db.pool, { name, teamIds });
  if (schedules.length === 0) {
    const mine = await listTeamScheduleNames(ctx.db.pool, teamIds);
    const known = mine.length > 0 ? ` Schedules of your teams: ${mine.map((s) => `*${escapeSlack(s.name)}*`).join(', ')}.` : '';
    return reply(
      name
        ? `There is no schedule named "${escapeSlack(name)}".${known || ' Your teams have no schedules.'} Try \`/oncall <schedule name>\`.`
        : `Your teams have no on-call schedules. Ask for one by name: \`/oncall <schedule name>\`.`,
    );
  }
  const now = ctx.now();
  const lines: string[] = [];
  for (const s of schedules) {
    const { shifts } = await getShifts(ctx, s.id, { from: now.toISOString(), to: new Date(now.getTime() + LOOKAHEAD_MS).toISOString() });
    lines.push(`*${escapeSlack(s.name)}* (team ${escapeSlack(s.team.name)}): ${describeNow(shifts)}`);
  }
  return reply(lines.join('\n'));
}

/** "*Alice* until <date>", merging the following shifts of the same people (an override ending into the same person's shift). */
function describeNow(shifts: { start: string; end: string; users: { id: string; name: string | null }[] }[]): string {
  const first = shifts[0];
  if (!first) return 'nobody is on call';
  const who = (s: { users: { id: string }[] }) => s.users.map((u) => u.id).join(',');
  let end = first.end;
  for (const s of shifts.slice(1)) {
    if (who(s) !== who(first)) break;
    end = s.end;
  }
  const last = shifts.at(-1)!;
  const until = end === last.end && who(last) === who(first) ? 'for at least the next 2 weeks' : `until ${slackDate(new Date(end))}`;
  if (first.users.length === 0) return `nobody is on call (a gap) ${until}`;
  return `${first.users.map((u) => `*${escapeSlack(u.name ?? 'a deleted user')}*`).join(', ')} ${until}`;
}

/** Slack renders it in the reader's own time zone; the fallback is UTC. */
function slackDate(d: Date): string {
  const unix = Math.floor(d.getTime() / 1000);
  const fallback = `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${unix}^{date_short_pretty} at {time}|${fallback}>`;
}

function help(command: string): string {
  const c = command || '/oncall';
  return [
    `*${c}*: who is on call now in your teams' schedules, and until when`,
    `*${c} <schedule name>*: who is on call in that schedule`,
    `*${c} ack <incident number>*: acknowledge an incident as yourself`,
    `*${c} help*: this help`,
  ].join('\n');
}

/** Slack's three control characters, so names can't mention people or make links. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function reply(text: string): SlashReply {
  return { response_type: 'ephemeral', text };
}
