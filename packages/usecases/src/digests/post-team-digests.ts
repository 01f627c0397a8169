import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import { latestDigestSlot } from '@heinrich/core/digest/digest-slot';
import { decideReadiness, findingsOfTeam } from '@heinrich/core/readiness/decide-readiness';
import type { Weekday } from '@heinrich/core/schedule/schedule';
import {
  claimDigestRetries,
  claimTeamDigest,
  listDigestTeams,
  markDigestPosted,
  markDigestRefused,
  previousDigestKeys,
  type DigestTeam,
} from '@heinrich/db/digests/team-digest-rows';
import type { SlackClientLike } from '@heinrich/providers/slack/create-slack-client';
import { classifySlackError } from '@heinrich/providers/slack/slack-error';
import { RetryableDeliveryError } from '@heinrich/providers/delivery-sender';
import { buildTeamDigest, type DigestInsights } from '@heinrich/providers/slack/team-digest-message';
import type { Context } from '../context';
import { loadReadinessInput } from '../readiness/get-readiness';
import { loadDigestInsights } from './load-digest-insights';

/**
 * The week's insights of a team for the digest, or null when they cannot be
 * had (the digest then says so and still posts the readiness findings). The
 * default is loadDigestInsights: the report of GET /api/v1/insights?teamId=&from=&to=.
 */
export type DigestInsightsLoader = (ctx: Context, q: { teamId: string; from: Date; to: Date }) => Promise<DigestInsights | null>;

export interface TeamDigestDeps {
  slack: Pick<SlackClientLike, 'chat'>;
  publicUrl: string;
  /** channels with credentials (readiness: who can be paged) */
  configured: ReadonlySet<ContactMethodType>;
  /** default loadDigestInsights (the GET /api/v1/insights report of the team's week) */
  loadInsights?: DigestInsightsLoader;
  /** a refused post is given up after this many attempts (default 5) */
  maxAttempts?: number;
}

export interface DigestPassOutcome {
  posted: { teamId: string; week: string }[];
  refused: { teamId: string; week: string; error: string }[];
}

const WEEK = 7 * 86_400_000;
const RETRY_MS = 5 * 60_000;

/**
 * One pass of the weekly digests (docs/insights.md "Weekly digest"): for each
 * team with a digest channel, the latest slot (Monday 09:00 in its zone by
 * default) that came after its settings changed is claimed by inserting its
 * team_digests row, then posted: a slot missed while no worker ran is posted
 * late, once; two workers or a restart find the row and post nothing. A post
 * Slack answered with an error did not happen and is retried; one whose outcome
 * is unknown (the connection broke) is not retried (never doubled).
 */
export async function postTeamDigests(ctx: Context, deps: TeamDigestDeps): Promise<DigestPassOutcome> {
  const now = ctx.now();
  const outcome: DigestPassOutcome = { posted: [], refused: [] };
  const teams = await listDigestTeams(ctx.db.pool);
  const byId = new Map(teams.map((t) => [t.teamId, t]));
  const due: { id: string; team: DigestTeam; week: string; dueAt: Date; attempts: number }[] = [];
  for (const team of teams) {
    const slot = latestDigestSlot(now, { timeZone: team.timeZone, weekday: team.weekday as Weekday, hour: team.hour });
    if (slot.dueAt < team.settingsUpdatedAt) continue;
    const id = await claimTeamDigest(ctx.db.pool, { teamId: team.teamId, week: slot.week, dueAt: slot.dueAt, channel: team.channel });
    if (id) due.push({ id, team, ...slot, attempts: 1 });
  }
  for (const r of await claimDigestRetries(ctx.db.pool, now)) {
    const team = byId.get(r.teamId);
    if (team) due.push({ id: r.id, team, week: r.week, dueAt: r.dueAt, attempts: r.attempts });
    else await markDigestRefused(ctx.db.pool, r.id, { error: 'the digest was turned off', nextAttemptAt: null });
  }
  if (due.length === 0) return outcome;
  const readiness = decideReadiness(await loadReadinessInput(ctx, now, deps.configured));
  const loadInsights = deps.loadInsights ?? loadDigestInsights;
  for (const d of due) {
    const from = new Date(d.dueAt.getTime() - WEEK);
    const findings = findingsOfTeam(readiness.findings, d.team.teamId);
    const content = buildTeamDigest({
      teamId: d.team.teamId,
      teamName: d.team.teamName,
      timeZone: d.team.timeZone,
      from,
      to: d.dueAt,
      insights: await insightsOrNull(ctx, loadInsights, { teamId: d.team.teamId, from, to: d.dueAt }),
      findings,
      previousKeys: new Set(await previousDigestKeys(ctx.db.pool, d.team.teamId, d.week)),
      publicUrl: deps.publicUrl,
    });
    try {
      const res = await deps.slack.chat.postMessage({ channel: d.team.channel, text: content.text, blocks: content.blocks as never, unfurl_links: false, unfurl_media: false });
      await markDigestPosted(ctx.db.pool, d.id, { slackTs: res.ts ?? null, findingKeys: findings.map((f) => f.key), now: ctx.now() });
      outcome.posted.push({ teamId: d.team.teamId, week: d.week });
    } catch (err) {
      const answered = (err as { code?: string }).code !== 'slack_webapi_request_error';
      const classified = classifySlackError(err, `chat.postMessage of the weekly digest to ${d.team.channel}`);
      const retry = answered && classified instanceof RetryableDeliveryError && d.attempts < (deps.maxAttempts ?? 5);
      const error = answered ? classified.message : `${classified.message} (outcome unknown: not posted again)`;
      await markDigestRefused(ctx.db.pool, d.id, { error, nextAttemptAt: retry ? new Date(now.getTime() + (classified instanceof RetryableDeliveryError ? (classified.retryAfterMs ?? RETRY_MS) : RETRY_MS)) : null });
      ctx.logger.warn({ teamId: d.team.teamId, week: d.week, err: error, retry }, 'weekly digest not posted');
      outcome.refused.push({ teamId: d.team.teamId, week: d.week, error });
    }
  }
  return outcome;
}

/** A report that fails (a bad row, a timeout) does not hold the digest back: it posts without the insights, saying so. */
async function insightsOrNull(ctx: Context, load: DigestInsightsLoader, q: { teamId: string; from: Date; to: Date }): Promise<DigestInsights | null> {
  try {
    return await load(ctx, q);
  } catch (err) {
    ctx.logger.warn({ teamId: q.teamId, err: (err as Error).message }, 'weekly digest: insights not available');
    return null;
  }
}
