import type { ExplainContext, ExplainEvent } from './explain-paging';

/**
 * The people an explanation of an incident is about, in order of appearance:
 * everyone its recorded events name (paged, on call in a layer, replaced by an
 * override, holding an override), then everyone its policy names (users in
 * steps, members of its schedules) — so "why wasn't I paged?" has an answer
 * for the people who would expect a page. Pure.
 */
export function explainPagingPeople(events: readonly ExplainEvent[], context: ExplainContext): string[] {
  const ids = new Set<string>();
  const add = (id: unknown) => {
    if (typeof id === 'string' && id.length > 0) ids.add(id);
  };
  for (const e of events) {
    add(e.data.userId);
    for (const p of arrayOf(e.data.pages)) {
      add(p.userId);
      for (const r of arrayOf(p.reasons)) add((r.replaces as { userId?: unknown } | undefined)?.userId);
    }
    for (const t of arrayOf(e.data.targets)) {
      for (const u of Array.isArray(t.users) ? t.users : []) add(u);
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
