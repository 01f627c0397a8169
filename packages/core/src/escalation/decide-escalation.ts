import { nextPosition, runStepCount, stepAt, type EscalationPosition, type EscalationRun } from './escalation-position';
import { resolveStepTargets, type Page, type ResolvedTarget, type TargetResolver } from './resolve-step-targets';

const MINUTE = 60_000;

/** One step entered: what its targets resolved to at `at`. No pages = skipped at once. */
export interface StepVisit {
  position: EscalationPosition;
  targets: ResolvedTarget[];
  pages: Page[];
}

/** Every step resolved to nobody: the policy's team's leads are paged instead (maybe nobody, if it has none). */
export interface LeadFallback {
  /** the (cycle, step) the leads' pages count for: the last step entered */
  position: EscalationPosition;
  /** null: the policy's team was deleted, nobody to fall back to */
  teamId: string | null;
  pages: Page[];
}

export interface EscalationDecision {
  /** the instant the decision is for, UTC ISO */
  at: string;
  /**
   * The steps entered, in order: each resolves its targets at `at`; a step that
   * resolves to nobody is skipped at once and the next is entered at the same
   * instant. At most one full pass is entered per decision.
   */
  visits: StepVisit[];
  fallback: LeadFallback | null;
  /** the step due next (after the last entered step's delay), or null: the run is over (exhausted) */
  next: { position: EscalationPosition; dueAt: string } | null;
}

/**
 * What happens when the escalation reaches `from` at instant `at` (pure: the
 * instant and the answers about schedules and people are arguments).
 *
 * The step at `from` resolves its targets. If it pages somebody, the decision
 * is made: those pages, and the next step after this step's `delayMinutes`.
 * If it resolves to nobody it is skipped at once (no waiting) and the next
 * step is entered at the same instant, and so on. When a full pass worth of
 * steps (every step the run may page) resolved to nobody, or the run ran out
 * of steps without paging anybody in this decision, the team's leads are
 * paged as a fallback, counted for the last step entered, and the run goes
 * on after that step's delay (a later pass may find someone on call).
 */
export function decideEscalation(run: EscalationRun, from: EscalationPosition, at: Date, resolver: TargetResolver): EscalationDecision {
  const visits: StepVisit[] = [];
  const dueAfter = (position: EscalationPosition) => new Date(at.getTime() + stepAt(run, position).delayMinutes * MINUTE).toISOString();
  let position = from;
  for (;;) {
    const step = stepAt(run, position);
    const { targets, pages } = resolveStepTargets(step, at, resolver);
    visits.push({ position, targets, pages });
    const next = nextPosition(run, position);
    if (pages.length > 0) {
      return { at: at.toISOString(), visits, fallback: null, next: next && { position: next, dueAt: dueAfter(position) } };
    }
    if (next === null || visits.length >= runStepCount(run)) {
      const teamId = run.policy.teamId;
      const leads = teamId === null ? [] : [...new Set(resolver.teamLeads(teamId))].filter((u) => resolver.userExists(u));
      const fallbackPages = leads.map((userId): Page => ({ userId, reasons: [{ kind: 'fallback-lead', teamId: teamId as string }] }));
      return {
        at: at.toISOString(),
        visits,
        fallback: { position, teamId, pages: fallbackPages },
        next: next && { position: next, dueAt: dueAfter(position) },
      };
    }
    position = next;
  }
}

/** The people a decision pages and the (cycle, step) each page counts for. */
export function decisionPages(decision: EscalationDecision): { position: EscalationPosition; page: Page }[] {
  const out: { position: EscalationPosition; page: Page }[] = [];
  for (const visit of decision.visits) for (const page of visit.pages) out.push({ position: visit.position, page });
  if (decision.fallback) for (const page of decision.fallback.pages) out.push({ position: decision.fallback.position, page });
  return out;
}
