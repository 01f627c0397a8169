import type { IncidentEventDraft } from '../incidents/incident-event-catalog';
import type { OnCallReason } from '../schedule/schedule';
import type { EscalationDecision } from './decide-escalation';
import { passOf, runPassCount, runStepCount, type EscalationPosition, type EscalationRun } from './escalation-position';
import type { Page, PageReason, ResolvedTarget } from './resolve-step-targets';

/** Display names; an unknown id shows as the id. */
export interface EscalationNames {
  user(id: string): string;
  schedule(id: string): string;
  team(id: string): string;
}

/** One incident timeline event: `type`, a sentence saying why, and the decision's data (typed by the catalog). */
export type EscalationTimelineEntry = Extract<IncidentEventDraft, { type: 'escalation_step' | 'escalation_step_skipped' | 'escalation_fallback' | 'escalation_exhausted' }> & {
  message: string;
};

/**
 * The timeline of a decision, one event per step entered, then the fallback
 * and the end of the run when they happen: who is paged and why (named in the
 * step; on call in a schedule by which layer's shift or which override),
 * nobody on call and why (each layer's reason), steps skipped, leads paged.
 */
export function describeEscalationDecision(run: EscalationRun, decision: EscalationDecision, names: EscalationNames): EscalationTimelineEntry[] {
  const entries: EscalationTimelineEntry[] = [];
  decision.visits.forEach((visit, i) => {
    const last = i === decision.visits.length - 1;
    const where = stepLabel(run, visit.position);
    // `at`: the engine's instant (the timeline's created_at is the database's clock)
    const data = { ...positionData(run, visit.position), at: decision.at, targets: visit.targets.map((t) => targetData(t, names)), pages: visit.pages.map(pageData) };
    if (visit.pages.length === 0) {
      entries.push({
        type: 'escalation_step_skipped',
        message: `${where} skipped at once: nobody to page (${visit.targets.map((t) => describeTarget(t, names)).join('; ')})`,
        data,
      });
      return;
    }
    const unreached = visit.targets.filter((t) => t.users.length === 0);
    const rest = unreached.length > 0 ? `; ${unreached.map((t) => describeTarget(t, names)).join('; ')}` : '';
    const next = last && !decision.fallback ? nextText(run, decision) : '';
    entries.push({
      type: 'escalation_step',
      message: `${where}: paging ${visit.pages.map((p) => describePage(p, names)).join(', ')}${rest}${next}`,
      data: { ...data, next: last ? nextData(decision) : null },
    });
  });
  const fallback = decision.fallback;
  if (fallback) {
    const fullPass = decision.visits.length >= runStepCount(run);
    const why = fullPass ? 'Every step resolved to nobody' : 'The escalation ran out of steps without finding anyone';
    const team = fallback.teamId === null ? null : `team ${quote(names.team(fallback.teamId))}`;
    const whom =
      team === null
        ? 'the policy has no team (deleted) whose leads could be paged: nobody paged'
        : fallback.pages.length > 0
          ? `paging the leads of ${team}: ${fallback.pages.map((p) => names.user(p.userId)).join(', ')}`
          : `${team} has no leads: nobody paged`;
    entries.push({
      type: 'escalation_fallback',
      message: `${why}: ${whom}${nextText(run, decision)}`,
      data: { ...positionData(run, fallback.position), at: decision.at, teamId: fallback.teamId, pages: fallback.pages.map(pageData), next: nextData(decision) },
    });
  }
  if (!decision.next) {
    const passes = runPassCount(run);
    entries.push({
      type: 'escalation_exhausted',
      message: `Escalation exhausted: the last step${passes > 1 ? ` of the last of ${passes} passes` : ''} has run; nobody more is paged unless someone escalates by hand`,
      data: positionData(run, decision.visits[decision.visits.length - 1]!.position),
    });
  }
  return entries;
}

/** "Step 2 of 3 (pass 1 of 2)", "Step 1 of 3 (low urgency: first step only)" */
export function stepLabel(run: EscalationRun, pos: EscalationPosition): string {
  const steps = run.policy.steps.length;
  const notes: string[] = [];
  const passes = runPassCount(run);
  if (passes > 1) notes.push(`pass ${passOf(run, pos.cycle) + 1} of ${passes}`);
  if (runStepCount(run) < steps) notes.push('low urgency: first step only');
  return `Step ${pos.step + 1} of ${steps}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

function nextText(run: EscalationRun, decision: EscalationDecision): string {
  if (!decision.next) return '';
  return `; ${stepLabel(run, decision.next.position).replace(/^Step/, 'step')} follows at ${decision.next.dueAt} unless acknowledged`;
}

function nextData(decision: EscalationDecision) {
  return decision.next ? { ...decision.next.position, dueAt: decision.next.dueAt } : null;
}

function positionData(run: EscalationRun, pos: EscalationPosition) {
  return { cycle: pos.cycle, step: pos.step, pass: passOf(run, pos.cycle) };
}

/** `name`: the schedule's or user's name then, so explain can name it from the record alone */
function targetData(t: ResolvedTarget, names: EscalationNames) {
  const name = t.target.type === 'schedule' ? names.schedule(t.target.id) : t.target.type === 'user' ? names.user(t.target.id) : null;
  return { type: t.target.type, id: t.target.id, name, users: t.users, outcome: t.outcome };
}

function pageData(p: Page) {
  return { userId: p.userId, reasons: p.reasons };
}

function describePage(page: Page, names: EscalationNames): string {
  return `${names.user(page.userId)} (${page.reasons.map((r) => describeReason(r, names)).join('; ')})`;
}

function describeReason(reason: PageReason, names: EscalationNames): string {
  switch (reason.kind) {
    case 'user':
      return 'named in the step';
    case 'fallback-lead':
      return `lead of team ${quote(names.team(reason.teamId))}`;
    case 'schedule':
      return `on call in schedule ${quote(names.schedule(reason.scheduleId))}${reason.because ? `: ${describeOnCall(reason.because)}` : ''}${
        reason.replaces ? `, replacing ${names.user(reason.replaces.userId)} on layer ${quote(reason.replaces.layerName)}` : ''
      }`;
  }
}

/** "layer "Primary", shift 3 (2026-03-16T08:00:00.000Z to 2026-03-23T08:00:00.000Z)", "override 10:00Z to 12:00Z" */
export function describeOnCall(because: OnCallReason): string {
  if (because.kind === 'override') return `override ${because.start} to ${because.end}`;
  return `layer ${quote(because.layerName)}, shift ${because.shiftNumber} (${because.shiftStart} to ${because.shiftEnd})`;
}

const EMPTY_LAYER: Record<string, string> = {
  'before-start': 'not started yet',
  'after-end': 'ended',
  'outside-restrictions': 'outside its restrictions',
};

function describeTarget(t: ResolvedTarget, names: EscalationNames): string {
  const { target, outcome } = t;
  switch (outcome.kind) {
    case 'user':
      return `user ${names.user(target.id)}`;
    case 'user-missing':
      return `user ${target.id}: no longer exists`;
    case 'on-call':
      return `schedule ${quote(names.schedule(target.id))}: ${t.users.map((u) => names.user(u)).join(', ')}`;
    case 'schedule-missing':
      return `schedule ${target.id}: no longer exists`;
    case 'slack-channel':
      return `Slack channel ${target.id}: the incident is posted there (no person is paged through it)`;
    case 'nobody-on-call': {
      const layers = outcome.layers.map((l) => `layer ${quote(l.layerName)} ${l.empty ? EMPTY_LAYER[l.empty] : 'has nobody'}`);
      return `schedule ${quote(names.schedule(target.id))}: nobody on call${layers.length > 0 ? ` (${layers.join(', ')})` : ''}`;
    }
  }
}

function quote(s: string): string {
  return JSON.stringify(s);
}
