import { escapeAndTruncate, SLACK_LIMITS, slackLink, type SlackMessageContent } from './incident-message';

/**
 * What an announcement shows, as written when its moment passed
 * (maintenance_announcements.data; read defensively: a row is Postgres JSON).
 */
export interface MaintenanceAnnouncementFacts {
  windowId: string;
  reason: string;
  /** the names of the window's services whose policy names this channel */
  services: string[];
  /** the stretch's end (ISO), null: open-ended */
  until: string | null;
  /** a recurring window's zone: times are shown on its wall clock; null: in each reader's own zone */
  timeZone: string | null;
  matchers: string[];
  /** ended: incidents it held that still fire (they page now) */
  stillFiring?: number;
  /** ended because the window was deleted */
  deleted?: boolean;
}

/** Posted this much after its moment or later, the message says when it happened. */
const LATE_MS = 60_000;

/**
 * "Maintenance 'Upgrade PG' started on Payments, until 04:00 Europe/Berlin;
 * alerts under it page no one" / "Maintenance 'Upgrade PG' ended on
 * Payments; 2 incidents still firing now page". Reason, service names and
 * matchers are escaped (they came from people); the window's page is linked.
 */
export function buildMaintenanceAnnouncement(
  kind: 'started' | 'ended',
  raw: Record<string, unknown>,
  opts: { publicUrl: string; dueAt: Date; now: Date },
): SlackMessageContent {
  const f = factsOf(raw);
  const name = `Maintenance '${escapeAndTruncate(f.reason, 500)}'`;
  const on = f.services.length > 0 ? ` on ${escapeAndTruncate(f.services.join(', '), 1000)}` : '';
  const scope = f.matchers.length > 0 ? `alerts matching ${escapeAndTruncate(f.matchers.map((m) => `\`${m}\``).join(' and '), 1000)}` : 'alerts under it';
  let line: string;
  if (kind === 'started') {
    const until = f.until ? `, until ${timeText(new Date(f.until), f.timeZone, opts.dueAt)}` : '';
    line = `:construction: ${name} started${on}${until}; ${scope} page no one`;
  } else {
    const firing = f.stillFiring ?? 0;
    const rest = firing === 0 ? 'nothing it held still fires' : `${firing} incident${firing === 1 ? '' : 's'} still firing now page${firing === 1 ? 's' : ''}`;
    line = `:white_check_mark: ${name} ended${on}${f.deleted ? ' (the window was deleted)' : ''}; ${rest}`;
  }
  const late = opts.now.getTime() - opts.dueAt.getTime() >= LATE_MS ? ` _(posted late: it ${kind} at ${timeText(opts.dueAt, f.timeZone, opts.now)})_` : '';
  const link = slackLink(`${opts.publicUrl.replace(/\/+$/, '')}/maintenance/${encodeURIComponent(f.windowId)}`, 'Maintenance window');
  const text = `${line}${late}`;
  return {
    text: text.slice(0, SLACK_LIMITS.fallbackText),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: text.slice(0, SLACK_LIMITS.sectionText) } },
      ...(link ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: link }] }] : []),
    ],
  };
}

/**
 * A recurring window's wall clock in its zone ("04:00 Europe/Berlin", with the
 * weekday when not on the day of `ref`); else Slack's date formatting, shown in
 * each reader's zone (UTC fallback).
 */
function timeText(at: Date, timeZone: string | null, ref: Date): string {
  if (timeZone) {
    try {
      const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
      const clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
      const weekday = day(at) === day(ref) ? '' : `${new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short' }).format(at)} `;
      return `${weekday}${clock} ${escapeAndTruncate(timeZone, 100)}`;
    } catch {
      // an unknown zone (validated when written, so only a stored oddity): in UTC
    }
  }
  const fallback = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${Math.floor(at.getTime() / 1000)}^{date_short_pretty} {time}|${fallback}>`;
}

function factsOf(raw: Record<string, unknown>): MaintenanceAnnouncementFacts {
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    windowId: typeof raw.windowId === 'string' ? raw.windowId : '',
    reason: typeof raw.reason === 'string' ? raw.reason : '',
    services: strings(raw.services),
    until: typeof raw.until === 'string' ? raw.until : null,
    timeZone: typeof raw.timeZone === 'string' ? raw.timeZone : null,
    matchers: strings(raw.matchers),
    ...(typeof raw.stillFiring === 'number' ? { stillFiring: raw.stillFiring } : {}),
    ...(raw.deleted === true ? { deleted: true } : {}),
  };
}
