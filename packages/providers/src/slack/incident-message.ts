import { isIncidentEventType, type IncidentEventType, type ReadIncidentEvent } from '@heinrich/core/incidents/incident-event-catalog';
/**
 * The Slack message of an incident (Block Kit), built from Postgres state only
 * (pure: no I/O, no clock). Everything that came from an alert or a user is
 * escaped (`&`, `<`, `>`), so an annotation such as `<!channel>` or
 * `<http://x|y>` shows as text and can never mention anyone or inject a link;
 * everything is cut to Slack's limits (docs/protocols.md 2.1).
 */

/** What the message shows; the Slack sync loads it (packages/usecases/src/slack/load-slack-incident-view.ts). */
export interface SlackIncidentView {
  id: string;
  number: number;
  title: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  serviceName: string;
  /** high | low, when an escalation decided it */
  urgency: string | null;
  severity: string | null;
  alerts: { firing: number; total: number };
  /** the labels that identify the incident (its group labels, else the first alert's), at most a few shown */
  labels: Record<string, string>;
  /** the first firing alert's summary/description annotation */
  summary: string | null;
  links: { incident: string; runbook?: string | null; generator?: string | null; alertmanager?: string | null };
  /** names of the people paged for the current step (empty once acknowledged or resolved) */
  pagedNow: string[];
  /** the latest status change: "Acknowledged by Alice via SMS" and when */
  statusChange: { verb: string; by: string; via: string | null; at: Date } | null;
  /** an active Alertmanager silence (the Silence button) */
  silence: { endsAt: Date; by: string } | null;
  /** whether silencing is offered at all (alerts from an Alertmanager) */
  canSilence: boolean;
  /** the storm this incident started (it is the storm page): its message is the storm's message (docs/slack.md "Storms") */
  storm?: SlackStormView | null;
  /** its alert group is flapping (docs/noise.md "Flapping") */
  flapping?: boolean;
}

/** A storm as the storm page's message shows it: updated in place as incidents join and change, and at its end. */
export interface SlackStormView {
  title: string;
  startedAt: Date;
  endedAt: Date | null;
  totals: { incidents: number; held: number; triggered: number; acknowledged: number; resolved: number };
  counts: { alertname: string; count: number }[];
  /** its newest incidents, newest first */
  latest: { number: number; title: string; status: SlackIncidentView['status']; link: string }[];
  link: string;
}

export interface SlackMessageContent {
  /** the notification's fallback text */
  text: string;
  blocks: SlackBlock[];
}

export type SlackBlock = Record<string, unknown>;

export const SLACK_LIMITS = { sectionText: 3000, header: 150, buttonText: 75, blocks: 50, fieldText: 2000, contextText: 3000, fallbackText: 3000 } as const;

/** Action ids of the buttons; the value of every button is the incident id. */
export const SLACK_ACTIONS = {
  acknowledge: 'incident_ack',
  resolve: 'incident_resolve',
  escalate: 'incident_escalate',
  silence: 'incident_silence',
  unsilence: 'incident_unsilence',
} as const;

export type SlackActionId = (typeof SLACK_ACTIONS)[keyof typeof SLACK_ACTIONS];

const VIA_LABEL: Record<string, string> = { api: 'API', ui: 'web', slack: 'Slack', sms: 'SMS', voice: 'voice call', events: 'Events API', alertmanager: 'Alertmanager' };
const STATUS_ICON: Record<SlackIncidentView['status'], string> = { triggered: ':red_circle:', acknowledged: ':large_yellow_circle:', resolved: ':white_check_mark:' };
const MAX_LABELS = 8;

/** Slack's three control characters as entities (the only escaping Slack wants). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes, then cuts to `max` characters with an ellipsis, never inside an entity. */
export function escapeAndTruncate(text: string, max: number): string {
  const escaped = escapeSlack(text);
  if (escaped.length <= max) return escaped;
  let cut = escaped.slice(0, max - 1);
  const amp = cut.lastIndexOf('&');
  if (amp !== -1 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  return `${cut}…`;
}

/** Cuts our own (already safe) text to `max` characters. */
function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * A link Slack renders: only http(s) URLs, with `|` and the control characters
 * encoded so neither the URL nor the label can end the link early.
 */
export function slackLink(url: string | null | undefined, label: string): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const href = parsed.toString().replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/&/g, '&amp;');
  return `<${href}|${escapeSlack(label)}>`;
}

/** Slack's date formatting: shown in each reader's own time zone, with a UTC fallback. */
export function slackTime(at: Date): string {
  const fallback = `${at.toISOString().slice(11, 16)} UTC`;
  return `<!date^${Math.floor(at.getTime() / 1000)}^{time}|${fallback}>`;
}

/** "Acknowledged by Alice via SMS at 03:12" (the status line). */
export function statusLine(view: SlackIncidentView): string {
  const c = view.statusChange;
  if (!c) return view.status === 'triggered' ? 'Triggered' : view.status === 'acknowledged' ? 'Acknowledged' : 'Resolved';
  const via = c.via ? ` via ${VIA_LABEL[c.via] ?? escapeSlack(c.via)}` : '';
  return `${c.verb} by ${escapeAndTruncate(c.by, 200)}${via} at ${slackTime(c.at)}`;
}

function button(text: string, actionId: SlackActionId, incidentId: string, style?: 'primary' | 'danger', confirm?: { title: string; text: string; ok: string }) {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncate(text, SLACK_LIMITS.buttonText) },
    value: incidentId,
    ...(style ? { style } : {}),
    ...(confirm
      ? {
          confirm: {
            title: { type: 'plain_text', text: confirm.title },
            text: { type: 'plain_text', text: confirm.text },
            confirm: { type: 'plain_text', text: confirm.ok },
            deny: { type: 'plain_text', text: 'Cancel' },
          },
        }
      : {}),
  };
}

function buttons(view: SlackIncidentView) {
  const id = view.id;
  if (view.status === 'resolved') return view.silence ? [button('Unsilence', SLACK_ACTIONS.unsilence, id)] : [];
  const list = [];
  if (view.status === 'triggered') list.push(button('Acknowledge', SLACK_ACTIONS.acknowledge, id, 'primary'));
  list.push(button('Resolve', SLACK_ACTIONS.resolve, id));
  if (view.status === 'triggered') list.push(button('Escalate', SLACK_ACTIONS.escalate, id, undefined, { title: 'Escalate now?', text: 'Pages the next step of the escalation policy now.', ok: 'Escalate' }));
  if (view.silence) list.push(button('Unsilence', SLACK_ACTIONS.unsilence, id));
  else if (view.canSilence) {
    list.push(button('Silence 1h', SLACK_ACTIONS.silence, id, 'danger', { title: 'Silence for 1 hour?', text: "Acknowledges the incident and silences its alerts in Alertmanager for 1 hour.", ok: 'Silence' }));
  }
  return list;
}

/** The incident message: header, facts, summary, labels, status line, links, buttons. */
export function buildIncidentMessage(view: SlackIncidentView): SlackMessageContent {
  const title = `#${view.number} ${view.title}`;
  const blocks: SlackBlock[] = [];
  // a header is plain text: Slack parses no mentions there, but entities are still decoded, so escape too
  blocks.push({ type: 'header', text: { type: 'plain_text', text: escapeAndTruncate(`${view.status === 'resolved' ? '[RESOLVED] ' : ''}${title}`, SLACK_LIMITS.header) } });

  const fields = [
    `*Status*\n${STATUS_ICON[view.status]} ${view.status}`,
    `*Service*\n${escapeAndTruncate(view.serviceName, 500)}`,
    `*Urgency / severity*\n${escapeAndTruncate(view.urgency ?? '-', 50)} / ${escapeAndTruncate(view.severity ?? '-', 100)}`,
    `*Alerts*\n${view.alerts.firing} firing of ${view.alerts.total}`,
  ];
  if (view.status === 'triggered') {
    fields.push(`*Paged now*\n${view.pagedNow.length > 0 ? escapeAndTruncate(view.pagedNow.join(', '), 1500) : 'nobody yet'}`);
  }
  blocks.push({ type: 'section', fields: fields.map((text) => ({ type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.fieldText) })) });

  if (view.storm) blocks.push(...stormBlocks(view.storm));

  if (view.summary) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: escapeAndTruncate(view.summary, SLACK_LIMITS.sectionText) } });

  const labels = Object.entries(view.labels).slice(0, MAX_LABELS);
  if (labels.length > 0) {
    const more = Object.keys(view.labels).length - labels.length;
    const text = labels.map(([k, v]) => `${escapeAndTruncate(k, 100)}=${escapeAndTruncate(v, 300)}`).join('  ·  ') + (more > 0 ? `  (+${more} more)` : '');
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.contextText) }] });
  }

  const status = [statusLine(view)];
  if (view.flapping) status.push(':repeat: Flapping: its alerts keep firing and resolving. It stays open, re-fires page no one, and it resolves once nothing has fired for the flap window');
  if (view.silence) status.push(`:no_bell: Silenced until ${slackTime(view.silence.endsAt)} by ${escapeAndTruncate(view.silence.by, 200)}`);
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(status.join('\n'), SLACK_LIMITS.sectionText) } });

  const links = [
    slackLink(view.storm?.link, 'Storm'),
    slackLink(view.links.incident, `Incident #${view.number}`),
    slackLink(view.links.runbook, 'Runbook'),
    slackLink(view.links.generator, 'Source'),
    slackLink(view.links.alertmanager, 'Alertmanager'),
  ].filter((l): l is string => l !== null);
  if (links.length > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(links.join('  ·  '), SLACK_LIMITS.contextText) }] });

  const actions = buttons(view);
  if (actions.length > 0) blocks.push({ type: 'actions', block_id: `incident:${view.id}`, elements: actions });

  const storm = view.storm ? ` — storm: ${view.storm.totals.incidents} incidents${view.storm.endedAt ? ', ended' : ''}` : '';
  const text = escapeAndTruncate(`[${view.status.toUpperCase()}] ${title} (${view.serviceName})${storm}`, SLACK_LIMITS.fallbackText);
  return { text, blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}

const SHOWN_STORM_ALERTNAMES = 6;

/**
 * The storm part of the storm page's message: what the storm is (its page's
 * title names the numbers that started it), its totals and counts by
 * alertname now, its latest incidents, and, once it ended, when and the totals.
 */
function stormBlocks(storm: SlackStormView): SlackBlock[] {
  const t = storm.totals;
  const state = storm.endedAt
    ? `:white_check_mark: *Storm ended* at ${slackTime(storm.endedAt)}: ${t.incidents} incident${t.incidents === 1 ? '' : 's'}, ${t.held} held by it (not paged on their own)`
    : `:thunder_cloud_and_rain: *Storm* since ${slackTime(storm.startedAt)}: ${t.incidents} incident${t.incidents === 1 ? '' : 's'} so far, ${t.held} held by it (not paged on their own); this message pages for them all`;
  const shown = storm.counts.slice(0, SHOWN_STORM_ALERTNAMES).map((c) => `${escapeAndTruncate(c.alertname, 100)} ×${c.count}`);
  if (storm.counts.length > SHOWN_STORM_ALERTNAMES) shown.push('…');
  const status = `${t.triggered} triggered · ${t.acknowledged} acknowledged · ${t.resolved} resolved`;
  const lines = [state, `${escapeAndTruncate(storm.title, 500)}`, `*By alertname:* ${shown.join(', ')}`, `*Now:* ${status}`];
  const latest = storm.latest.map((i) => `${STATUS_ICON[i.status]} ${slackLink(i.link, `#${i.number}`) ?? `#${i.number}`} ${escapeAndTruncate(i.title, 150)}`);
  const blocks: SlackBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: truncate(lines.join('\n'), SLACK_LIMITS.sectionText) } }];
  if (latest.length > 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(`*Latest incidents*\n${latest.join('\n')}`, SLACK_LIMITS.sectionText) } });
  }
  return blocks;
}

/**
 * A thread reply for a timeline entry (escalated, alerts joined, resolved,
 * silenced...): its message, escaped. Only the type and the stored message are
 * used, so an entry read as generic (its data does not match) still gets its reply.
 */
export function buildFollowUp(event: Pick<ReadIncidentEvent, 'type' | 'message'>): SlackMessageContent {
  const icon = (isIncidentEventType(event.type) ? FOLLOW_UP_ICON[event.type] : undefined) ?? ':information_source:';
  const text = `${icon} ${escapeAndTruncate(event.message, SLACK_LIMITS.sectionText - 40)}`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

const FOLLOW_UP_ICON: Partial<Record<IncidentEventType, string>> = {
  acknowledged: ':large_yellow_circle:',
  resolved: ':white_check_mark:',
  alerts_added: ':heavy_plus_sign:',
  alerts_resolved: ':heavy_minus_sign:',
  escalation_step: ':arrow_up:',
  escalation_moved: ':arrow_up:',
  escalation_exhausted: ':warning:',
  escalation_fallback: ':warning:',
  retriggered: ':red_circle:',
  silenced: ':no_bell:',
  unsilenced: ':bell:',
  storm_ended: ':white_check_mark:',
  // flapping (docs/noise.md): when it starts, re-opens and ends; the suppressed re-fires are the alerts_added replies
  flapping_started: ':repeat:',
  flap_reopened: ':repeat:',
  flapping_ended: ':white_check_mark:',
};

/** The timeline entries worth a thread reply (catalog types); the rest, and types the catalog does not know, only update the message in place. */
export const FOLLOW_UP_TYPES: ReadonlySet<IncidentEventType> = new Set(Object.keys(FOLLOW_UP_ICON) as IncidentEventType[]);

export function isFollowUp(event: Pick<ReadIncidentEvent, 'type'>): boolean {
  return isIncidentEventType(event.type) && FOLLOW_UP_TYPES.has(event.type);
}
