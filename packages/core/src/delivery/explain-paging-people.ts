import { isIncidentEvent, readIncidentEvent } from '../incidents/incident-event-catalog';
import type { ExplainContext, ExplainEvent } from './explain-paging';

/**
 * The people an explanation of an incident is about, in order of appearance:
 * everyone its recorded events name (paged, on call in a layer, replaced by an
 * override, holding an override), then everyone its policy names (users in
 * steps, members of its schedules) — so "why wasn't I paged?" has an answer
 * for the people who would expect a page. Events are read through the
 * catalog: an unknown one still names the user its data names. Pure.
 */
export function explainPagingPeople(events: readonly ExplainEvent[], context: ExplainContext): string[] {
  const ids = new Set<string>();
  const add = (id: unknown) => {
    if (typeof id === 'string' && id.length > 0) ids.add(id);
  };
  for (const e of events.map(readIncidentEvent)) {
    add(e.data.userId);
    const pages = isIncidentEvent(e, 'escalation_step', 'escalation_step_skipped', 'escalation_fallback') ? (e.data.pages ?? []) : [];
    for (const p of pages) {
      add(p.userId);
      // core's PageReason[] as recorded: a schedule's reason may name whom an override replaced
      for (const r of arrayOf(p.reasons)) add((r.replaces as { userId?: unknown } | undefined)?.userId);
    }
    const targets = isIncidentEvent(e, 'escalation_step', 'escalation_step_skipped') ? (e.data.targets ?? []) : [];
    for (const t of targets) {
      for (const u of t.users ?? []) add(u);
      // core's TargetOutcome as recorded: the layers asked, and who won
      const outcome = (t.outcome ?? {}) as Record<string, unknown>;
      for (const l of arrayOf(outcome.layers)) add(l.userId);
      for (const b of arrayOf(outcome.because)) add(b.userId);
    }
  }
  for (const step of context.steps ?? []) {
    for (const t of step.targets) {
      if (t.type === 'user') add(t.id);
      if (t.type === 'schedule') for (const l of context.schedules?.get(t.id)?.layers ?? []) l.members.forEach(add);
    }
  }
  return [...ids];
}

function arrayOf(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];
}
