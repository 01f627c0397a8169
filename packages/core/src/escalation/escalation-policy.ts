/**
 * Escalation policies as plain JSON: what the API accepts and stores, and what
 * the engine snapshots when an incident's escalation starts (docs/architecture.md, "Escalation").
 *
 * Steps run in order. Each step pages its targets, then waits `delayMinutes`
 * before the next one; after the last step the policy starts over `repeat` more
 * times (PagerDuty's loops), so the steps run `repeat + 1` times in all.
 */
export interface EscalationPolicy {
  id?: string;
  name: string;
  /**
   * the team whose leads change the policy and are paged when every step
   * resolves to nobody. The API requires one; a stored policy loses it (null)
   * when its team is deleted, and then has nobody to fall back to.
   */
  teamId: string | null;
  /** extra passes over all steps after the first, 0-9 */
  repeat: number;
  /** 1-20 steps, in order */
  steps: EscalationStep[];
}

export interface EscalationStep {
  /** whole minutes from this step's pages to the next step, 1-10080 (a week) */
  delayMinutes: number;
  /** 1-20 targets, each paged when the step is entered */
  targets: EscalationTarget[];
}

export type EscalationTargetType = 'user' | 'schedule' | 'slackChannel';

export const ESCALATION_TARGET_TYPES: readonly EscalationTargetType[] = ['user', 'schedule', 'slackChannel'];

/**
 * `user`: that person. `schedule`: whoever the one on-call resolver says is on
 * call when the step is entered. `slackChannel`: the incident message is posted
 * in that channel (once per incident, kept true in place: docs/slack.md); it
 * pages no person, so a step with only channels counts as empty (skipped at once).
 */
export interface EscalationTarget {
  type: EscalationTargetType;
  id: string;
}

export const ESCALATION_POLICY_LIMITS = {
  maxSteps: 20,
  maxTargetsPerStep: 20,
  maxRepeat: 9,
  minDelayMinutes: 1,
  maxDelayMinutes: 10_080,
  maxNameLength: 200,
} as const;
