import type { ReadinessFinding } from '@heinrich/core/readiness/readiness-finding';
import { escapeAndTruncate, SLACK_LIMITS, slackLink, type SlackBlock, type SlackMessageContent } from './incident-message';

type Count = 'major' | 'minor' | 'nearMiss' | 'deduplicated';

/**
 * What the digest shows of a week's insights: a structural subset of the
 * insights contract (packages/contracts/src/insights.ts InsightsJson), so the
 * worker passes that report as it is.
 */
export interface DigestInsights {
  pyramid: Record<Count, number> & { previous: Record<Count, number>; ratio: { text: string } };
  noise: readonly { serviceName: string; key: string; incidents: number; pages: number; hint: string | null }[];
  recurring: readonly { serviceName: string; title: string; reopenings: number; openings: readonly { at: string }[] }[];
  people: { totals: { sleep: number; interruptions: number } };
}

export interface TeamDigestFacts {
  teamId: string;
  teamName: string;
  /** the team's zone: dates are shown on its wall clock */
  timeZone: string;
  /** the week reported: [from, to) */
  from: Date;
  to: Date;
  /** null: the insights were not available (the digest says so and lists the findings) */
  insights: DigestInsights | null;
  /** the team's readiness findings now */
  findings: readonly ReadinessFinding[];
  /** the finding keys the previous digest listed: those still here are "unfixed since last week" */
  previousKeys: ReadonlySet<string>;
  publicUrl: string;
}

const MAX_NOISE = 3;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const MAX_RECURRING = 5;
const MAX_FINDINGS = 5;

/**
 * The weekly digest of a team (docs/insights.md "Weekly digest"): Heinrich's
 * pyramid against the week before, the noisiest alerts, recurring incidents,
 * the interruptions in sleep hours, and the paging-readiness findings not
 * fixed (critical and warning first). Names came from people: escaped.
 */
export function buildTeamDigest(f: TeamDigestFacts): SlackMessageContent {
  const base = f.publicUrl.replace(/\/+$/, '');
  const day = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: f.timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(d);
  const title = `Weekly digest for ${f.teamName}: ${day(f.from)} – ${day(new Date(f.to.getTime() - 1))}`;
  const blocks: SlackBlock[] = [{ type: 'header', text: { type: 'plain_text', text: escapeAndTruncate(title, SLACK_LIMITS.header) } }];
  const lines: string[] = [title];
  const section = (text: string) => {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, SLACK_LIMITS.sectionText) } });
    lines.push(text);
  };

  if (f.insights) {
    const p = f.insights.pyramid;
    const trend = (k: Count) => {
      const d = p[k] - p.previous[k];
      return d === 0 ? '±0' : d > 0 ? `+${d}` : `${d}`;
    };
    section(
      `*Heinrich's pyramid* (major : minor : near miss = ${escapeAndTruncate(p.ratio.text, 100)})\n` +
        `• Major: *${p.major}* (${trend('major')} on the week before)\n` +
        `• Minor: *${p.minor}* (${trend('minor')})\n` +
        `• Near misses: *${p.nearMiss}* (${trend('nearMiss')}); ${p.deduplicated} re-sends deduplicated\n` +
        `• Interruptions in sleep hours (22:00–07:00, each person's zone): *${f.insights.people.totals.sleep}* of ${f.insights.people.totals.interruptions}`,
    );
    const noise = f.insights.noise.slice(0, MAX_NOISE);
    if (noise.length > 0) {
      section(
        `*Top noise*\n` +
          noise
            .map((n) => `• ${escapeAndTruncate(n.serviceName, 100)} / ${escapeAndTruncate(n.key, 200)}: ${plural(n.incidents, 'incident')}, ${plural(n.pages, 'page')}${n.hint ? ` — ${escapeAndTruncate(n.hint, 300)}` : ''}`)
            .join('\n'),
      );
    }
    const recurring = f.insights.recurring.slice(0, MAX_RECURRING);
    if (recurring.length > 0) {
      section(
        `*Recurring incidents*\n` +
          recurring.map((r) => `• ${escapeAndTruncate(r.serviceName, 100)}: ${escapeAndTruncate(r.title, 200)} — opened ${r.openings.length} times (${r.openings.map((o) => day(new Date(o.at))).join(', ')})`).join('\n'),
      );
    }
  } else {
    section('_The insights of the week are not available; the readiness findings follow._');
  }

  const findings = f.findings.filter((x) => x.severity !== 'info');
  const infos = f.findings.length - findings.length;
  if (findings.length === 0) {
    section(`*Paging readiness*: no holes found for the next 14 days${infos > 0 ? ` (${infos} minor note${infos === 1 ? '' : 's'})` : ''}.`);
  } else {
    const unfixed = findings.filter((x) => f.previousKeys.has(x.key)).length;
    const shown = findings.slice(0, MAX_FINDINGS).map((x) => {
      const link = slackLink(`${base}${x.link}`, 'fix');
      const still = f.previousKeys.has(x.key) ? ' _(unfixed since last week)_' : '';
      return `• ${x.severity === 'critical' ? ':red_circle:' : ':warning:'} ${escapeAndTruncate(x.message, 400)}${still}${link ? ` ${link}` : ''}`;
    });
    const more = findings.length > MAX_FINDINGS ? `\n…and ${findings.length - MAX_FINDINGS} more` : '';
    section(`*Paging readiness*: ${findings.length} to fix${unfixed > 0 ? `, ${unfixed} unfixed since last week` : ''}\n${shown.join('\n')}${more}`);
  }
  const insightsLink = slackLink(`${base}/insights?teamId=${encodeURIComponent(f.teamId)}`, 'Open Insights');
  if (insightsLink) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: insightsLink }] });
  return { text: lines.join('\n').slice(0, SLACK_LIMITS.fallbackText), blocks };
}
