import { isIncidentEvent, readIncidentEvent, type KnownIncidentEvent, type ReadIncidentEvent, type StoredIncidentEvent } from '../incidents/incident-event-catalog';
import { stormHoldReason } from '../noise/storm-hold-reason';
import { formatWindow } from '../noise/decide-storm';
import type { ContactMethodType } from './contact-method-value';
import { CHANNEL_LABEL } from './plan-delivery';

/**
 * A timeline entry as stored; explain reads it through the catalog
 * (readIncidentEvent): typed data for known events, and an entry of an unknown
 * type (or with data that does not match) still counts as a fact about the
 * person its data names, and is never an error.
 */
export type ExplainEvent = StoredIncidentEvent;
type Event = ReadIncidentEvent;
type Of<T extends KnownIncidentEvent['type']> = Extract<KnownIncidentEvent, { type: T }>;

/**
 * What explain knows besides the timeline, all of it stored when the
 * escalation ran or describing the policy it ran: the policy snapshot's steps
 * (to find steps that never ran), the policy's schedules with their layers'
 * members (people no recorded step named), and user names.
 */
export interface ExplainContext {
  steps?: ReadonlyArray<{ targets: ReadonlyArray<{ type: string; id: string }> }>;
  schedules?: ReadonlyMap<string, { name: string; layers: ReadonlyArray<{ layerName: string; members: readonly string[] }> }>;
  names?: ReadonlyMap<string, string>;
  /**
   * The incident's maintenance hold as it is now (incidents.maintenance_until,
   * maintenance_released_at): a window extended or ended early moves the
   * hold's end, which its `maintenance_held` entry (written at the opening) cannot know.
   */
  maintenance?: { until: Date; releasedAt: Date | null } | null;
}

export type ExplainReasonCode =
  /** a step (or the lead fallback) paged them */
  | 'paged'
  /** a message went out */
  | 'reached'
  /** nothing can reach them (no usable method) */
  | 'unreachable'
  /** paged, nothing sent yet */
  | 'not_sent_yet'
  /** a method of theirs not used, and why (unverified, no credentials, urgency) */
  | 'method_not_used'
  /** a send failed; the message says what was tried next */
  | 'delivery_failed'
  /** a rule's send was due after the escalation stopped (acknowledged first): never sent */
  | 'send_not_needed'
  /** a rule's send is due at or after the next step: the escalation moves on first */
  | 'rule_after_next_step'
  /** on call by the rotation, but an override put someone else on call */
  | 'override_replaced'
  /** their layer had them, a higher layer had someone else */
  | 'outranked_by_layer'
  /** a member of a paged schedule, but the shift was someone else's (or nobody's) */
  | 'not_their_shift'
  /** a later step named them, but the escalation stopped before it (acknowledged, resolved) */
  | 'stopped_before_turn'
  /** a later step names them and has not run yet */
  | 'step_not_run_yet'
  /** a later step named them, but the run ended without it (low urgency: first step only) */
  | 'step_never_ran'
  /** nothing in this incident's escalation names them */
  | 'not_in_escalation'
  /** the incident was opened during a storm and held by it: it paged no one; the storm page escalated instead */
  | 'held_by_storm'
  /** its alert group flaps: a re-fire (or re-open) paged no one (docs/noise.md "Flapping") */
  | 'flap_suppressed'
  /** opened under a maintenance window: held from paging while it lasted (and whether it paged when it ended) */
  | 'held_by_maintenance';

/**
 * A reason's typed data, for readers that write their own sentence (the web UI,
 * in the viewer's zone): every instant is an RFC 3339 string here, never only
 * inside `message`. `event`: the reason is that timeline entry (its catalog
 * type and data), to be read as the timeline reads it.
 */
export type ExplainReasonParams =
  | { kind: 'event'; type: string; at: string; data: Record<string, unknown> }
  | { kind: 'reached'; channels: string[] }
  | { kind: 'not_used'; reasons: string[] }
  | { kind: 'rule_send'; channel: string; delayMinutes: number; dueAt: string; stoppedAt: string | null; stopDetail: string | null; nextDueAt: string | null }
  | {
      kind: 'schedule_miss';
      schedule: string;
      at: string;
      person: string;
      /** the person's own layer and shift, when a layer had them */
      layerName: string | null;
      shiftStart: string | null;
      shiftEnd: string | null;
      /** the higher layer that won over theirs (outranked_by_layer) */
      higherLayerName: string | null;
      higherUser: string | null;
      winner: { kind: 'override'; user: string; start: string; end: string } | { kind: 'layer'; user: string; layerName: string; shiftNumber: number; shiftStart: string; shiftEnd: string } | null;
    }
  | { kind: 'step'; step: number; how: string[]; dueAt: string | null; stoppedAt: string | null; stopDetail: string | null; ending: string | null }
  | { kind: 'stopped'; stoppedAt: string; stopDetail: string }
  | { kind: 'flap'; event: 'started' | 'suppressed' | 'reopened'; at: string; changes: number | null; windowSeconds: number | null; threshold: number | null; flapChanges: number | null }
  | {
      kind: 'maintenance';
      reason: string;
      windowId: string | null;
      since: string;
      until: string | null;
      endedAt: string | null;
      release: 'paged' | 'resolved' | 'acknowledged' | 'not_firing' | null;
      firingAlerts: number | null;
      escalationAt: string | null;
    }
  | { kind: 'text' };

export interface PersonExplanation {
  userId: string;
  name: string;
  /** a step (or the lead fallback) paged them */
  paged: boolean;
  /** a message went out to them (sent) */
  reached: boolean;
  /** one paragraph: "Paged at step 1: ...; reached via webhook; not used: Slack: no credentials configured, SMS unverified" */
  summary: string;
  /** the summary's parts, each with a code, in the summary's order */
  reasons: { code: ExplainReasonCode; message: string; params: ExplainReasonParams }[];
  /** the timeline entries about them, oldest first, with their catalog data */
  facts: { at: string; type: string; message: string; data: Record<string, unknown> }[];
}

const MINUTE = 60_000;

const isPaging = (e: Event): e is Of<'escalation_step' | 'escalation_fallback'> => isIncidentEvent(e, 'escalation_step', 'escalation_fallback');
const isStep = (e: Event): e is Of<'escalation_step' | 'escalation_step_skipped'> => isIncidentEvent(e, 'escalation_step', 'escalation_step_skipped');
const isEnding = (e: Event): e is Of<'escalation_stopped' | 'escalation_exhausted'> => isIncidentEvent(e, 'escalation_stopped', 'escalation_exhausted');

/**
 * Why each person was (or was not) paged, from recorded events only (invariant 5).
 * Paged: the steps that paged them (with their reasons), how they were reached,
 * the methods not used and why, failures and the fallbacks taken, rules whose
 * send never went out (the incident was acknowledged first) or comes after the
 * next step. Not paged: what each schedule step recorded about them (an
 * override replaced them, a higher layer won, it was someone else's shift),
 * steps naming them that never ran (acknowledged before their turn) or have not
 * run yet, else that nothing in the escalation names them; an incident held by
 * a storm says which storm, what started it and which incident is the storm page;
 * one opened under a maintenance window says which window held it, since
 * when, and until when (or that it paged when the window ended). Pure.
 */
export function explainPaging(stored: readonly ExplainEvent[], people: ReadonlyArray<{ id: string; name: string }>, context: ExplainContext = {}): PersonExplanation[] {
  const events = stored.map(readIncidentEvent);
  const hold = maintenanceHold(events, context);
  return people.map((person) => {
    const paging = events.filter(isPaging).filter((e) => pagesOf(e).includes(person.id));
    // held and not (yet) paged for it: the hold is the whole answer, as a storm's is
    const heldOnly = hold !== null && !hold.escalated && paging.length === 0;
    const why = paging.length > 0 ? whyPaged(events, person, paging, context) : heldOnly ? { reasons: [], related: new Set<Event>() } : whyNotPaged(events, person, context);
    const flaps = flapReasons(events);
    const reasons = [...(hold ? [hold.reason] : []), ...why.reasons, ...flaps.reasons];
    const related = new Set([...(hold?.related ?? []), ...why.related, ...flaps.related]);
    const mine = events.filter((e) => e.data.userId === person.id || (isPaging(e) && paging.includes(e)) || related.has(e));
    const summary = paging.length > 0 ? reasons.map((r) => r.message).join('; ') : `${person.name} was not paged: ${reasons.map((r) => r.message).join('; ')}`;
    return {
      userId: person.id,
      name: person.name,
      paged: paging.length > 0,
      reached: reasons.some((r) => r.code === 'reached'),
      summary,
      reasons,
      facts: mine.map((e) => ({ at: e.createdAt.toISOString(), type: e.type, message: e.message, data: e.data as Record<string, unknown> })),
    };
  });
}

type Reason = PersonExplanation['reasons'][number];

function whyPaged(
  events: readonly Event[],
  person: { id: string; name: string },
  paging: Of<'escalation_step' | 'escalation_fallback'>[],
  context: ExplainContext,
): { reasons: Reason[]; related: Set<Event> } {
  const mine = events.filter((e) => e.data.userId === person.id);
  const reasons: Reason[] = paging.map((e) => ({ code: 'paged', message: e.message, params: eventParams(e) }));
  const reachedVia = [...new Set(mine.filter((e) => isIncidentEvent(e, 'notified')).map((e) => String(e.data.channel)))];
  const impossible = mine.find((e) => isIncidentEvent(e, 'delivery_impossible'));
  if (reachedVia.length > 0) reasons.push({ code: 'reached', message: `reached via ${reachedVia.join(', ')}`, params: { kind: 'reached', channels: reachedVia } });
  else if (impossible) reasons.push({ code: 'unreachable', message: impossible.message, params: eventParams(impossible) });
  else reasons.push({ code: 'not_sent_yet', message: 'no message has gone out yet', params: TEXT });
  const notUsed = new Set<string>();
  for (const e of mine) {
    if (isIncidentEvent(e, 'delivery_planned', 'delivery_impossible')) for (const s of e.data.skipped ?? []) notUsed.add(s.reason);
    if (isIncidentEvent(e, 'notification_unavailable') && e.data.reason !== undefined) notUsed.add(e.data.reason);
  }
  if (notUsed.size > 0) reasons.push({ code: 'method_not_used', message: `not used: ${[...notUsed].join(', ')}`, params: { kind: 'not_used', reasons: [...notUsed] } });
  for (const e of mine.filter((x) => isIncidentEvent(x, 'notification_failed'))) reasons.push({ code: 'delivery_failed', message: e.message, params: eventParams(e) });
  const related = new Set<Event>();
  for (const planned of mine.filter((e) => isIncidentEvent(e, 'delivery_planned'))) {
    // the page this plan is for: the last paging entry recorded before it
    const page = [...paging].reverse().find((e) => events.indexOf(e) < events.indexOf(planned)) ?? paging[0]!;
    const after = events.slice(events.indexOf(page) + 1);
    for (const s of planned.data.sends ?? []) {
      if (s.delayMinutes <= 0) continue;
      const dueAt = new Date(instantOf(page).getTime() + s.delayMinutes * MINUTE);
      const label = `${CHANNEL_LABEL[s.type as ContactMethodType] ?? s.type} after ${s.delayMinutes} min (due ${dueAt.toISOString()})`;
      const attempted = after.some((e) => e.data.userId === person.id && e.data.channel === s.type && e.type !== 'delivery_planned');
      const stop = after.find((e) => isIncidentEvent(e, 'escalation_stopped'));
      const send = { kind: 'rule_send' as const, channel: s.type, delayMinutes: s.delayMinutes, dueAt: dueAt.toISOString(), stoppedAt: null, stopDetail: null, nextDueAt: null };
      if (!attempted && stop && instantOf(stop) < dueAt) {
        reasons.push({
          code: 'send_not_needed',
          message: `${label} was not sent: ${stoppedText(stop)}, before it was due`,
          params: { ...send, stoppedAt: instantOf(stop).toISOString(), stopDetail: stopDetail(stop) },
        });
        related.add(stop);
        continue;
      }
      const nextDue = nextOf(page)?.dueAt;
      if (nextDue && Date.parse(nextDue) <= dueAt.getTime()) {
        reasons.push({
          code: 'rule_after_next_step',
          message: `${label} comes after the next step (due ${nextDue}): the escalation moves on before this rule`,
          params: { ...send, nextDueAt: nextDue },
        });
      }
    }
  }
  // a later step's schedule that did not page them (another pass, an override) says why too
  const misses = scheduleMisses(events, person, context);
  for (const e of misses.related) related.add(e);
  return { reasons: [...reasons, ...misses.reasons], related };
}

/**
 * What the recorded schedule resolutions say about someone they did not page:
 * an override replaced them, a higher layer won, or (a member) it was someone
 * else's shift or nobody's.
 */
function scheduleMisses(events: readonly Event[], person: { id: string; name: string }, context: ExplainContext): { reasons: Reason[]; related: Set<Event> } {
  const reasons: Reason[] = [];
  const related = new Set<Event>();
  const name = (id: string) => (id === person.id ? person.name : (context.names?.get(id) ?? id));
  for (const e of events.filter(isStep)) {
    for (const target of e.data.targets ?? []) {
      // the outcome is core's TargetOutcome as it was recorded (its shape read defensively)
      const t = target as TargetRecord;
      if (t.type !== 'schedule' || (Array.isArray(t.users) && t.users.includes(person.id))) continue;
      const schedule = `schedule ${JSON.stringify(t.name ?? context.schedules?.get(t.id)?.name ?? t.id)}`;
      const at = instantOf(e).toISOString();
      const layers = Array.isArray(t.outcome?.layers) ? (t.outcome.layers as LayerRecord[]) : [];
      const hit = [...layers].reverse().find((l) => l.userId === person.id);
      const winner = Array.isArray(t.outcome?.because) ? (t.outcome.because[0] as WinnerRecord | undefined) : undefined;
      const member = context.schedules?.get(t.id)?.layers.some((l) => l.members.includes(person.id)) ?? false;
      // the highest layer with someone on shift: the rotation's answer before overrides
      const top = [...layers].reverse().find((l) => l.userId !== null);
      const miss = {
        kind: 'schedule_miss' as const,
        schedule: t.name ?? context.schedules?.get(t.id)?.name ?? t.id,
        at,
        person: person.name,
        layerName: hit?.layerName ?? null,
        shiftStart: hit?.shiftStart ?? null,
        shiftEnd: hit?.shiftEnd ?? null,
        higherLayerName: null,
        higherUser: null,
        winner: winnerParams(winner, name),
      };
      if (hit && top && hit !== top) {
        const over = winner?.kind === 'override' ? `; ${name(winner.userId)}'s override (${winner.start} to ${winner.end}) was on call over every layer` : '';
        reasons.push({
          code: 'outranked_by_layer',
          message: `not on call in ${schedule} at ${at}: it was ${person.name}'s shift on layer ${JSON.stringify(hit.layerName)}${shiftText(hit)}, but the higher layer ${JSON.stringify(top.layerName)} had ${name(top.userId as string)}${over}`,
          params: { ...miss, higherLayerName: top.layerName, higherUser: name(top.userId as string) },
        });
      } else if (hit && winner?.kind === 'override') {
        reasons.push({
          code: 'override_replaced',
          message: `not on call in ${schedule} at ${at}: ${name(winner.userId)}'s override (${winner.start} to ${winner.end}) replaced ${person.name} on layer ${JSON.stringify(hit.layerName)}${shiftText(hit)}`,
          params: miss,
        });
      } else if (hit && winner?.kind === 'layer') {
        reasons.push({
          code: 'outranked_by_layer',
          message: `not on call in ${schedule} at ${at}: it was ${person.name}'s shift on layer ${JSON.stringify(hit.layerName)}${shiftText(hit)}, but the higher layer ${JSON.stringify(winner.layerName)} had ${name(winner.userId)}`,
          params: { ...miss, higherLayerName: winner.layerName, higherUser: name(winner.userId) },
        });
      } else if (member) {
        const whose =
          winner?.kind === 'override'
            ? `${name(winner.userId)} was on call by an override (${winner.start} to ${winner.end})`
            : winner?.kind === 'layer'
              ? `it was ${name(winner.userId)}'s shift (layer ${JSON.stringify(winner.layerName)}, shift ${winner.shiftNumber}, ${winner.shiftStart} to ${winner.shiftEnd})`
              : 'nobody was on call';
        reasons.push({ code: 'not_their_shift', message: `not on call in ${schedule} at ${at}: ${whose}`, params: miss });
      } else continue;
      related.add(e);
    }
  }
  return { reasons, related };
}

function whyNotPaged(events: readonly Event[], person: { id: string; name: string }, context: ExplainContext): { reasons: Reason[]; related: Set<Event> } {
  // held by a storm (docs/noise.md "Storm mode"): no escalation of its own ran, so that is the whole answer
  const held = events.find((e): e is Of<'storm_held'> => isIncidentEvent(e, 'storm_held'));
  if (held) {
    return { reasons: [{ code: 'held_by_storm', message: stormHoldReason({ ...held.data, stormId: held.data.stormId ?? 'of this incident' }), params: eventParams(held) }], related: new Set([held]) };
  }
  const { reasons, related } = scheduleMisses(events, person, context);
  const stepEvents = events.filter(isStep);

  // steps naming them that never ran (or have not run yet)
  const visited = new Set(stepEvents.map((e) => e.data.step));
  const lastStep = events.filter((e) => isStep(e) || isIncidentEvent(e, 'escalation_fallback')).at(-1);
  const next = lastStep ? nextOf(lastStep) : null;
  const ending = [...events.slice(lastStep ? events.indexOf(lastStep) + 1 : 0)].reverse().find(isEnding);
  (context.steps ?? []).forEach((step, index) => {
    if (visited.has(index)) return;
    const how = step.targets
      .map((t) => {
        if (t.type === 'user' && t.id === person.id) return 'named in it';
        const s = t.type === 'schedule' ? context.schedules?.get(t.id) : undefined;
        return s?.layers.some((l) => l.members.includes(person.id)) ? `in schedule ${JSON.stringify(s.name)}` : null;
      })
      .filter((x): x is string => x !== null);
    if (how.length === 0) return;
    const label = `step ${index + 1} (${how.join(', ')})`;
    const due = next && next.step === index ? `, before it was due at ${next.dueAt}` : '';
    const stepParams = { kind: 'step' as const, step: index, how, dueAt: next && next.step === index ? next.dueAt : null, stoppedAt: null, stopDetail: null, ending: null };
    if (ending && isIncidentEvent(ending, 'escalation_stopped')) {
      reasons.push({
        code: 'stopped_before_turn',
        message: `${label} never ran: ${stoppedText(ending)}${due}`,
        params: { ...stepParams, stoppedAt: instantOf(ending).toISOString(), stopDetail: stopDetail(ending) },
      });
      related.add(ending);
    } else if (ending) {
      reasons.push({ code: 'step_never_ran', message: `${label} never ran: ${lowerFirst(ending.message)}`, params: { ...stepParams, ending: lowerFirst(ending.message) } });
      related.add(ending);
    } else if (next) {
      reasons.push({ code: 'step_not_run_yet', message: `${label} has not run yet${next.step === index ? `: due at ${next.dueAt} unless acknowledged` : ''}`, params: stepParams });
    } else {
      reasons.push({ code: 'step_never_ran', message: `${label} never ran`, params: stepParams });
    }
  });

  if (reasons.length === 0) {
    reasons.push({ code: 'not_in_escalation', message: "no step of this incident's escalation paged them", params: TEXT });
    const notStarted = events.find((e) => isIncidentEvent(e, 'escalation_not_started'));
    if (notStarted) reasons.push({ code: 'not_in_escalation', message: notStarted.message, params: eventParams(notStarted) });
    const stopped = [...events].reverse().find((e) => isIncidentEvent(e, 'escalation_stopped'));
    if (stopped) reasons.push({ code: 'not_in_escalation', message: stoppedText(stopped), params: { kind: 'stopped', stoppedAt: instantOf(stopped).toISOString(), stopDetail: stopDetail(stopped) } });
  }
  return { reasons, related };
}

/**
 * Flap suppression (docs/noise.md "Flapping"), the same for everyone: when the
 * group started flapping, with the numbers that made it, and each firing that
 * paged no one because of it.
 */
function flapReasons(events: readonly Event[]): { reasons: Reason[]; related: Set<Event> } {
  const reasons: Reason[] = [];
  const related = new Set<Event>();
  for (const e of events) {
    const at = e.createdAt.toISOString();
    const flap = (event: 'started' | 'suppressed' | 'reopened', d: { changes?: number | undefined; windowSeconds?: number | undefined; threshold?: number | undefined; flapChanges?: number | undefined }) => ({
      kind: 'flap' as const,
      event,
      at,
      changes: d.changes ?? null,
      windowSeconds: d.windowSeconds ?? null,
      threshold: d.threshold ?? null,
      flapChanges: d.flapChanges ?? null,
    });
    if (isIncidentEvent(e, 'flapping_started')) {
      reasons.push({
        code: 'flap_suppressed',
        params: flap('started', e.data),
        message: `its alert group started flapping at ${at}: ${e.data.changes} state changes (firing ↔ resolved) in ${formatWindow(e.data.windowSeconds ?? 0)} (threshold ${e.data.threshold}); re-fires while it flaps page no one`,
      });
    } else if (isIncidentEvent(e, 'flap_suppressed')) {
      reasons.push({
        code: 'flap_suppressed',
        params: flap('suppressed', e.data),
        message: `not paged again at ${at} (flap suppression): its alerts fired again while the group was flapping, ${e.data.changes} state changes in ${formatWindow(e.data.windowSeconds ?? 0)} (threshold ${e.data.threshold}), ${e.data.flapChanges} since it started`,
      });
    } else if (isIncidentEvent(e, 'flap_reopened')) {
      reasons.push({
        code: 'flap_suppressed',
        params: flap('reopened', e.data),
        message: `not paged again at ${at} (flap suppression): the incident re-opened after resolving by itself, its group flapping (${e.data.flapChanges} state changes since it started; ${e.data.changes} in the last ${formatWindow(e.data.windowSeconds ?? 0)})`,
      });
    } else continue;
    related.add(e);
  }
  return { reasons, related };
}

/**
 * A maintenance hold (docs/maintenance-windows.md), the same for everyone:
 * "held by maintenance window 'Upgrade PG' (id) since T: nobody is paged while
 * it lasts; it ends at U, then it pages if it still fires", or, once ended,
 * what its end did (paged because it still fired, or why not). Read from the
 * catalog's `maintenance_held` / `maintenance_ended` entries; the hold's end
 * while it lasts from the incident's state (context.maintenance) when given.
 */
function maintenanceHold(events: readonly Event[], context: ExplainContext): { reason: Reason; related: Event[]; escalated: boolean } | null {
  const held = events.find((e): e is Of<'maintenance_held'> => isIncidentEvent(e, 'maintenance_held'));
  if (!held) return null;
  const ended = events.find((e): e is Of<'maintenance_ended'> => isIncidentEvent(e, 'maintenance_ended'));
  const reason = held.data.reason ?? ended?.data.reason ?? '';
  const name = `held by maintenance window '${reason}' (${held.data.windowId ?? 'deleted'})`;
  const since = held.createdAt.toISOString();
  const params = { kind: 'maintenance' as const, reason, windowId: held.data.windowId ?? null, since, until: null, endedAt: null, release: null, firingAlerts: null, escalationAt: null };
  if (!ended) {
    const until = context.maintenance?.until.toISOString() ?? held.data.until;
    const ends = until ? `; it ends at ${until}, then it pages if it still fires` : '; when it ends, it pages if it still fires';
    return {
      reason: { code: 'held_by_maintenance', message: `${name} since ${since}: nobody is paged while it lasts${ends}`, params: { ...params, until: until ?? null } },
      related: [held],
      escalated: false,
    };
  }
  const endedAt = ended.data.endedAt ?? ended.createdAt.toISOString();
  const span = `${name} from ${since} until ${endedAt}`;
  const outcome: Record<NonNullable<typeof ended.data.release>, string> = {
    paged: `${ended.data.firingAlerts ?? 'its'} alert${ended.data.firingAlerts === 1 ? '' : 's'} still fired when the window ended, so it paged after the window ended (its escalation began at ${ended.createdAt.toISOString()})`,
    resolved: 'the incident was resolved before the window ended: nobody was paged',
    acknowledged: 'the incident was acknowledged before the window ended: nobody was paged',
    not_firing: 'none of its alerts fired any more when the window ended: nobody was paged',
  };
  const release = ended.data.release ?? 'paged';
  return {
    reason: {
      code: 'held_by_maintenance',
      message: `${span}: ${outcome[release]}`,
      params: { ...params, endedAt, release, firingAlerts: ended.data.firingAlerts ?? null, escalationAt: ended.createdAt.toISOString() },
    },
    related: [held, ended],
    escalated: release === 'paged',
  };
}

interface LayerRecord {
  layerName: string;
  userId: string | null;
  shiftNumber?: number | null;
  shiftStart?: string | null;
  shiftEnd?: string | null;
}

type WinnerRecord =
  | { kind: 'override'; userId: string; start: string; end: string }
  | { kind: 'layer'; userId: string; layerName: string; shiftNumber: number; shiftStart: string; shiftEnd: string };

interface TargetRecord {
  type: string;
  id: string;
  name?: string | null;
  users?: unknown;
  outcome?: { kind?: string; because?: unknown; layers?: unknown };
}

function shiftText(l: LayerRecord): string {
  return l.shiftStart && l.shiftEnd ? ` (their shift ${l.shiftStart} to ${l.shiftEnd})` : '';
}

/** "the escalation stopped at T (the incident is acknowledged; 1 pending page cancelled)" */
function stoppedText(stop: Of<'escalation_stopped'>): string {
  return `the escalation stopped at ${instantOf(stop).toISOString()} (${stopDetail(stop)})`;
}

/** Why the escalation stopped, in the entry's words: "the incident is acknowledged; 1 pending page cancelled" */
function stopDetail(stop: Of<'escalation_stopped'>): string {
  return stop.message.replace(/^Escalation stopped: /, '');
}

/** A reason that has no data beyond its words. */
const TEXT: ExplainReasonParams = { kind: 'text' };

/** A reason that is one timeline entry: its catalog type and data. */
function eventParams(e: Event): ExplainReasonParams {
  return { kind: 'event', type: e.type, at: e.createdAt.toISOString(), data: e.data as Record<string, unknown> };
}

function winnerParams(winner: WinnerRecord | undefined, name: (id: string) => string): Extract<ExplainReasonParams, { kind: 'schedule_miss' }>['winner'] {
  if (winner?.kind === 'override') return { kind: 'override', user: name(winner.userId), start: winner.start, end: winner.end };
  if (winner?.kind === 'layer') {
    return { kind: 'layer', user: name(winner.userId), layerName: winner.layerName, shiftNumber: winner.shiftNumber, shiftStart: winner.shiftStart, shiftEnd: winner.shiftEnd };
  }
  return null;
}

/** The engine's instant an entry records (`data.at`), else when it was written. */
function instantOf(e: Event): Date {
  const at = e.data.at;
  return typeof at === 'string' ? new Date(at) : e.createdAt;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The step that follows a decision (a skipped step records none). */
function nextOf(e: Of<'escalation_step' | 'escalation_step_skipped' | 'escalation_fallback'>): { step: number; dueAt: string } | null {
  if (e.type === 'escalation_step_skipped') return null;
  const next = e.data.next;
  return next ? { step: next.step, dueAt: next.dueAt } : null;
}

function pagesOf(e: Of<'escalation_step' | 'escalation_fallback'>): string[] {
  return (e.data.pages ?? []).map((p) => p.userId);
}
