import type { TimelineEventJson } from '@heinrich/contracts/incidents';
import { isIncidentEvent, readIncidentEvent, type ReadIncidentEvent } from '@heinrich/core/incidents/incident-event-catalog';
import { formatInstantsIn, formatWhen, type WhenOptions } from '../../lib/instant-text';
import { actorName } from './actor-name';

/**
 * A timeline event as the page shows it, written here from the event's typed
 * data (the catalog, packages/core/src/incidents/incident-event-catalog.ts)
 * in the viewer's zone: "Step 2: paging Alice Example (on call in "Primary":
 * layer "Weekly", shift 47, Mon 30 Nov, 09:00 to Mon 7 Dec, 09:00); step 3
 * follows at 02:08 (in 3 min) unless acknowledged". Types it has no sentence
 * for show the API's message with its instants in the viewer's zone.
 */
export interface DescribedEvent {
  text: string;
  /** who did it, when the sentence does not say it already ("Alice Example in the web UI") */
  by: string | null;
  /** an internal hand-off (the worker picking up an event): folded behind "details" */
  internal: boolean;
  /** the text is a person's (a note): shown as written, instants and all */
  userText: boolean;
}

export interface DescribeContext extends WhenOptions {
  userNames: Map<string, string>;
}

/** Where an actor acted, in words ("in the web UI"); delivery channels too. */
const VIA: Record<string, string> = {
  ui: 'in the web UI',
  api: 'through the API',
  slack: 'in Slack',
  sms: 'by SMS',
  voice: 'by phone',
  email: 'by email',
  events: 'through the Events API',
  alertmanager: 'from Alertmanager',
  'alertmanager-poll': 'from Alertmanager',
  heartbeat: 'by a heartbeat',
};

export function viaText(via: string | null): string | null {
  if (!via) return null;
  return VIA[via] ?? `via ${via}`;
}

/** Event types that record Heinrich's own plumbing: shown only with "details". */
export const INTERNAL_EVENT_TYPES: readonly string[] = ['dispatched'];

export function describeEvent(e: TimelineEventJson, ctx: DescribeContext): DescribedEvent {
  const read = readIncidentEvent({ type: e.type, message: e.message, data: e.data, createdAt: new Date(e.createdAt) });
  const who = e.actor ? actorName(e.actor, ctx.userNames) : null;
  const how = viaText(e.via);
  const person = e.actor !== null && !e.actor.startsWith('system') && e.actor !== 'worker';
  const internal = INTERNAL_EVENT_TYPES.includes(e.type);
  if (e.type === 'note') return { text: e.message, by: [who, how].filter(Boolean).join(' ') || null, internal, userText: true };
  const text = sentence(read, ctx, person ? who : null, how);
  if (text !== null) return { text, by: null, internal, userText: false };
  const fallback = formatInstantsIn(e.message, ctx);
  // the actor beside the message, unless the message names them already
  const parts = [person && who && !fallback.includes(who) ? who : null, person ? how : null].filter(Boolean);
  return { text: fallback, by: parts.length > 0 ? parts.join(' ') : null, internal, userText: false };
}

function sentence(e: ReadIncidentEvent, ctx: DescribeContext, who: string | null, how: string | null): string | null {
  const by = [who ? `by ${who}` : null, how].filter(Boolean).join(' ');
  if (isIncidentEvent(e, 'acknowledged') && who) return `Acknowledged ${by}`;
  if (isIncidentEvent(e, 'resolved') && who) {
    const firing = e.data.firingAlerts ?? 0;
    return `Resolved ${by}${firing > 0 ? ` while ${firing === 1 ? '1 alert still fired' : `${firing} alerts still fired`}` : ''}`;
  }
  if (isIncidentEvent(e, 'dispatched')) return `Worker picked up ${e.data.topic ?? 'an event'}${typeof e.data.lagMs === 'number' ? ` after ${e.data.lagMs} ms` : ''}`;
  if (isIncidentEvent(e, 'escalation_step')) {
    const targets = (e.data.targets ?? []) as { name?: string | null; type?: string }[];
    const pages = (e.data.pages ?? []).map((p) => `${ctx.userNames.get(p.userId) ?? 'a user'}${reasonsText(p.reasons ?? [], targets, ctx)}`);
    const next = e.data.next;
    const follows = next ? `; step ${next.step + 1} follows at ${formatWhen(next.dueAt, ctx)} unless acknowledged` : '';
    return `${stepText(e.data.step, e.data.pass)}: paging ${pages.join(', ') || 'nobody'}${follows}`;
  }
  if (isIncidentEvent(e, 'escalation_fallback')) {
    const names = (e.data.pages ?? []).map((p) => ctx.userNames.get(p.userId) ?? 'a user');
    const next = e.data.next;
    const follows = next ? `; step ${next.step + 1} follows at ${formatWhen(next.dueAt, ctx)} unless acknowledged` : '';
    return `Nobody found by the steps: ${names.length > 0 ? `paging the team's leads: ${names.join(', ')}` : 'the team has no leads, nobody paged'}${follows}`;
  }
  if (isIncidentEvent(e, 'escalation_stopped') && e.data.retriggerAt) {
    return `Escalation stopped; it triggers again at ${formatWhen(e.data.retriggerAt, ctx)} unless resolved (acknowledgement timeout)`;
  }
  if (isIncidentEvent(e, 'maintenance_held') && e.data.until) {
    return `Held by maintenance "${e.data.reason ?? ''}": nobody is paged until ${formatWhen(e.data.until, ctx)}; if it still fires then, it pages`;
  }
  if (isIncidentEvent(e, 'silenced') && e.data.endsAt) {
    return `Alerts silenced in Alertmanager${who ? ` ${by}` : ''} until ${formatWhen(e.data.endsAt, ctx)}`;
  }
  return null;
}

function stepText(step: number | undefined, pass: number | undefined): string {
  const n = (step ?? 0) + 1;
  return `Step ${n}${pass && pass > 0 ? ` (pass ${pass + 1})` : ''}`;
}

type PageReason =
  | { kind: 'user' }
  | { kind: 'fallback-lead' }
  | {
      kind: 'schedule';
      targetIndex?: number;
      because?: { kind: 'override'; start: string; end: string } | { kind: 'layer'; layerName: string; shiftNumber: number; shiftStart: string; shiftEnd: string } | null;
      replaces?: { userId: string; layerName: string };
    };

function reasonsText(reasons: unknown[], targets: { name?: string | null }[], ctx: DescribeContext): string {
  const texts = (reasons as PageReason[]).map((r) => reasonText(r, targets, ctx)).filter((t): t is string => t !== null);
  return texts.length > 0 ? ` (${texts.join('; ')})` : '';
}

function reasonText(r: PageReason, targets: { name?: string | null }[], ctx: DescribeContext): string | null {
  const span = (from: string, to: string) => `${formatWhen(from, { ...ctx, relative: false })} to ${formatWhen(to, { ...ctx, relative: false })}`;
  switch (r?.kind) {
    case 'user':
      return 'named in the step';
    case 'fallback-lead':
      return 'lead of the team';
    case 'schedule': {
      const name = typeof r.targetIndex === 'number' ? targets[r.targetIndex]?.name : null;
      const where = `on call in ${name ? `"${name}"` : 'the schedule'}`;
      const b = r.because;
      const why = !b ? '' : b.kind === 'override' ? `: override ${span(b.start, b.end)}` : `: layer "${b.layerName}", shift ${b.shiftNumber}, ${span(b.shiftStart, b.shiftEnd)}`;
      const replaces = r.replaces ? `, replacing ${ctx.userNames.get(r.replaces.userId) ?? 'someone'} on layer "${r.replaces.layerName}"` : '';
      return `${where}${why}${replaces}`;
    }
    default:
      return null;
  }
}
