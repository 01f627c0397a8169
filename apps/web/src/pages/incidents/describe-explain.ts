import type { ExplainIncidentResponse } from '@heinrich/contracts/incidents';
import { formatInstantsIn, formatWhen } from '../../lib/instant-text';
import { describeEvent, type DescribeContext } from './describe-event';

type Person = ExplainIncidentResponse['people'][number];
type Reason = Person['reasons'][number];
type Fact = Person['facts'][number];
type Params = Reason['params'];
type Of<K extends Params['kind']> = Extract<Params, { kind: K }>;

/** The channel names explain uses (core's CHANNEL_LABEL). */
const CHANNEL: Record<string, string> = { sms: 'SMS', voice: 'voice', slack: 'Slack', webhook: 'webhook', log: 'log' };

/**
 * "Why was X paged?" written here from explain's typed data (each reason's
 * `params`, every instant as data) in the viewer's zone, with relative times
 * where they help ("step 2 (named in it) has not run yet: due at 02:08 (in 4
 * min) unless acknowledged"). A reason without data shows the API's words,
 * its instants (if any) in the viewer's zone.
 */
export function describeReason(r: Reason, ctx: DescribeContext): string {
  const p = (r.params ?? { kind: 'text' }) as Params;
  const when = (instant: string) => formatWhen(instant, ctx);
  switch (p.kind) {
    case 'event':
      // the timeline entry the reason is: read as the timeline reads it
      return describeEvent({ id: '', type: p.type, message: r.message, actor: null, via: null, data: p.data, createdAt: p.at }, ctx).text;
    case 'reached':
      return `reached via ${p.channels.map((c) => CHANNEL[c] ?? c).join(', ')}`;
    case 'not_used':
      return `not used: ${p.reasons.join(', ')}`;
    case 'rule_send':
      return ruleSend(r.code, p, when);
    case 'schedule_miss':
      return scheduleMiss(r.code, p, ctx);
    case 'step':
      return step(r.code, p, ctx);
    case 'stopped':
      return `the escalation stopped at ${when(p.stoppedAt)} (${p.stopDetail})`;
    case 'flap':
      return flap(p, when);
    case 'maintenance':
      return maintenance(p, when);
    default:
      return formatInstantsIn(r.message, ctx);
  }
}

/** The person's paragraph: the reasons in order ("Alice was not paged: …" when they were not). */
export function describeExplanation(person: Person, ctx: DescribeContext): string {
  const reasons = person.reasons.map((r) => describeReason(r, ctx)).join('; ');
  if (person.reasons.length === 0) return formatInstantsIn(person.summary, ctx);
  return person.paged ? reasons : `${person.name} was not paged: ${reasons}`;
}

/** One fact (a timeline entry about them) as the timeline writes it. */
export function describeFact(f: Fact, ctx: DescribeContext): string {
  return describeEvent({ id: '', type: f.type, message: f.message, actor: null, via: null, data: f.data ?? {}, createdAt: f.at }, ctx).text;
}

function ruleSend(code: string, p: Of<'rule_send'>, when: (i: string) => string): string {
  const label = `${CHANNEL[p.channel] ?? p.channel} after ${p.delayMinutes} min (due ${when(p.dueAt)})`;
  if (code === 'send_not_needed' && p.stoppedAt) return `${label} was not sent: the escalation stopped at ${when(p.stoppedAt)} (${p.stopDetail ?? ''}), before it was due`;
  if (p.nextDueAt) return `${label} comes after the next step (due ${when(p.nextDueAt)}): the escalation moves on before this rule`;
  return label;
}

function scheduleMiss(code: string, p: Of<'schedule_miss'>, ctx: DescribeContext): string {
  const exact = { ...ctx, relative: false };
  const span = (from: string, to: string) => `${formatWhen(from, exact)} to ${formatWhen(to, exact)}`;
  const where = `not on call in schedule "${p.schedule}" at ${formatWhen(p.at, exact)}`;
  const shift = p.shiftStart && p.shiftEnd ? ` (their shift ${span(p.shiftStart, p.shiftEnd)})` : '';
  const w = p.winner;
  if (code === 'outranked_by_layer' && p.higherLayerName) {
    const over = w?.kind === 'override' ? `; ${w.user}'s override (${span(w.start, w.end)}) was on call over every layer` : '';
    return `${where}: it was ${p.person}'s shift on layer "${p.layerName ?? ''}"${shift}, but the higher layer "${p.higherLayerName}" had ${p.higherUser ?? 'someone else'}${over}`;
  }
  if (code === 'override_replaced' && w?.kind === 'override') return `${where}: ${w.user}'s override (${span(w.start, w.end)}) replaced ${p.person} on layer "${p.layerName ?? ''}"${shift}`;
  const whose =
    w?.kind === 'override'
      ? `${w.user} was on call by an override (${span(w.start, w.end)})`
      : w?.kind === 'layer'
        ? `it was ${w.user}'s shift (layer "${w.layerName}", shift ${w.shiftNumber}, ${span(w.shiftStart, w.shiftEnd)})`
        : 'nobody was on call';
  return `${where}: ${whose}`;
}

function step(code: string, p: Of<'step'>, ctx: DescribeContext): string {
  const when = (instant: string) => formatWhen(instant, ctx);
  const label = `step ${p.step + 1} (${p.how.join(', ')})`;
  if (code === 'stopped_before_turn' && p.stoppedAt) {
    return `${label} never ran: the escalation stopped at ${when(p.stoppedAt)} (${p.stopDetail ?? ''})${p.dueAt ? `, before it was due at ${when(p.dueAt)}` : ''}`;
  }
  if (code === 'step_not_run_yet') return `${label} has not run yet${p.dueAt ? `: due at ${when(p.dueAt)} unless acknowledged` : ''}`;
  return `${label} never ran${p.ending ? `: ${formatInstantsIn(p.ending, ctx)}` : ''}`;
}

function windowText(seconds: number | null): string {
  const s = seconds ?? 0;
  return s % 60 === 0 ? `${s / 60} min` : `${s} s`;
}

function flap(p: Of<'flap'>, when: (i: string) => string): string {
  const window = windowText(p.windowSeconds);
  if (p.event === 'started') {
    return `its alert group started flapping at ${when(p.at)}: ${p.changes} state changes (firing ↔ resolved) in ${window} (threshold ${p.threshold}); re-fires while it flaps page no one`;
  }
  if (p.event === 'suppressed') {
    return `not paged again at ${when(p.at)} (flap suppression): its alerts fired again while the group was flapping, ${p.changes} state changes in ${window} (threshold ${p.threshold}), ${p.flapChanges} since it started`;
  }
  return `not paged again at ${when(p.at)} (flap suppression): the incident re-opened after resolving by itself, its group flapping (${p.flapChanges} state changes since it started; ${p.changes} in the last ${window})`;
}

function maintenance(p: Of<'maintenance'>, when: (i: string) => string): string {
  const name = `held by maintenance window "${p.reason}"`;
  if (!p.endedAt) {
    const ends = p.until ? `; it ends at ${when(p.until)}, then it pages if it still fires` : '; when it ends, it pages if it still fires';
    return `${name} since ${when(p.since)}: nobody is paged while it lasts${ends}`;
  }
  const firing = p.firingAlerts ?? null;
  const outcome: Record<NonNullable<Of<'maintenance'>['release']>, string> = {
    paged: `${firing ?? 'its'} alert${firing === 1 ? '' : 's'} still fired when the window ended, so it paged after the window ended${p.escalationAt ? ` (its escalation began at ${when(p.escalationAt)})` : ''}`,
    resolved: 'the incident was resolved before the window ended: nobody was paged',
    acknowledged: 'the incident was acknowledged before the window ended: nobody was paged',
    not_firing: 'none of its alerts fired any more when the window ended: nobody was paged',
  };
  return `${name} from ${when(p.since)} until ${when(p.endedAt)}: ${outcome[p.release ?? 'paged']}`;
}
