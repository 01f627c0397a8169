// The policy editor's form state and its conversion to the API's body, plus the
// shaping of a simulation's answer into minute-by-minute rows.
import type { EscalationPolicyJson } from '@heinrich/contracts/escalation-policies';
import type { SimulationJson } from '@heinrich/contracts/simulate';

export type TargetType = 'user' | 'schedule' | 'slackChannel';

export interface StepDraft {
  /** as typed */
  delayMinutes: string;
  targets: { type: TargetType; id: string }[];
}

export interface PolicyDraft {
  name: string;
  repeat: string;
  steps: StepDraft[];
}

export function policyToDraft(p: Pick<EscalationPolicyJson, 'name' | 'repeat' | 'steps'>): PolicyDraft {
  return {
    name: p.name,
    repeat: String(p.repeat),
    steps: p.steps.map((s) => ({ delayMinutes: String(s.delayMinutes), targets: s.targets.map((t) => ({ ...t })) })),
  };
}

/** A number as typed; blank or unreadable becomes NaN (sent as null) so the API names the field. */
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

export function draftToBody(d: PolicyDraft): { name: string; repeat: number; steps: EscalationPolicyJson['steps'] } {
  return {
    name: d.name,
    repeat: num(d.repeat),
    steps: d.steps.map((s) => ({ delayMinutes: num(s.delayMinutes), targets: s.targets.map((t) => ({ type: t.type, id: t.id.trim() })) })),
  };
}

export const sameDraft = (a: PolicyDraft, b: PolicyDraft) => JSON.stringify(a) === JSON.stringify(b);

/** POST /api/v1/escalation-policies/{id}/simulate's answer (contracts). */
export type { SimulationJson };

export interface SimulationRow {
  /** minutes after the incident opened */
  minute: number;
  at: string;
  /** "Step 2", "Step 1 (repeat 1)" */
  step: string;
  who: string;
  /** "webhook", "log after 5 min" */
  how: string[];
  why: string;
  notUsed: string[];
}

const CHANNEL: Record<string, string> = { sms: 'SMS', voice: 'voice call', slack: 'Slack', webhook: 'webhook', log: 'log', email: 'email' };

/** Why the person was paged, in words, from the engine's page reasons. */
export function describeReasons(reasons: unknown, scheduleName: (id: string) => string): string {
  if (!Array.isArray(reasons)) return '';
  return reasons
    .map((r: { kind?: string; scheduleId?: string }) => {
      if (r.kind === 'user') return 'named in the step';
      if (r.kind === 'schedule') return `on call in ${scheduleName(r.scheduleId ?? '')}`;
      if (r.kind === 'fallback-lead') return "team lead: the policy's steps found nobody";
      return r.kind ?? '';
    })
    .filter(Boolean)
    .join('; ');
}

/** Each page and each notification it sends, in time order, as minutes after `at`. */
export function simulationRows(sim: SimulationJson, scheduleName: (id: string) => string): SimulationRow[] {
  const start = Date.parse(sim.at);
  const rows = sim.pages.map((p) => ({
    minute: Math.round((Date.parse(p.at) - start) / 60_000),
    at: p.at,
    step: `Step ${p.step + 1}${p.cycle > 0 ? ` (repeat ${p.cycle})` : ''}`,
    who: p.name,
    how: p.sends.map((s) => {
      const after = Math.round((Date.parse(s.at) - Date.parse(p.at)) / 60_000);
      const label = CHANNEL[s.channel] ?? s.channel;
      return after > 0 ? `${label} after ${after} min` : `${label} at once`;
    }),
    why: describeReasons(p.reasons, scheduleName),
    notUsed: p.notUsed,
  }));
  return rows.sort((a, b) => a.minute - b.minute);
}
