import type { LayerEmptyReason, LayerOnCall, OnCall, OnCallReason } from '../schedule/schedule';
import type { EscalationStep, EscalationTarget } from './escalation-policy';

/**
 * What target resolution needs from the outside world, asked synchronously: the
 * caller loads the data first (the schedules, users and leads involved) and
 * answers from it. `scheduleOnCall` must be THE on-call resolver's answer
 * (onCallAt / onCallAtRevisions of packages/core/src/schedule): nothing else
 * decides who is on call.
 */
export interface TargetResolver {
  /** who the schedule has on call at `at`, and why; null when the schedule does not exist (any more) */
  scheduleOnCall(scheduleId: string, at: Date): OnCall | null;
  /** false when the user does not exist (any more) */
  userExists(userId: string): boolean;
  /** the team's leads (user ids), for the fallback when nobody else is found */
  teamLeads(teamId: string): readonly string[];
}

/** One layer's own answer at an instant, as recorded on the timeline: whose shift it was, or why nobody's. */
export interface LayerAnswer {
  layerName: string;
  /** whose rotation shift it was on this layer (before overrides and higher layers); null: nobody's */
  userId: string | null;
  shiftNumber: number | null;
  shiftStart: string | null;
  shiftEnd: string | null;
  empty: LayerEmptyReason | null;
}

/** Someone an override put off call: the rotation would have had them on `layerName`. */
export interface ReplacedByOverride {
  userId: string;
  layerName: string;
}

/** How one target resolved, with the why the timeline shows. */
export type TargetOutcome =
  | { kind: 'user' }
  | { kind: 'user-missing' }
  /** `layers`: each layer's own answer at the instant (whose shift it was), so "why not me?" can be answered later from the record */
  | { kind: 'on-call'; because: OnCallReason[]; layers?: LayerAnswer[] }
  /** the schedule has a gap: each layer's reason for having nobody */
  | { kind: 'nobody-on-call'; layers: { layerName: string; empty: LayerEmptyReason | null }[] }
  | { kind: 'schedule-missing' }
  /** a Slack channel: the incident is posted there (slack_messages); it pages no person, so a step of channels only is skipped */
  | { kind: 'slack-channel' };

export interface ResolvedTarget {
  target: EscalationTarget;
  /** the people this target pages (zero or one today) */
  users: string[];
  outcome: TargetOutcome;
}

/** Why a person is paged. */
export type PageReason =
  | { kind: 'user'; targetIndex: number }
  | {
      kind: 'schedule';
      targetIndex: number;
      scheduleId: string;
      because: OnCallReason | null;
      /** set only when an override put someone else off call: whose shift it was (the highest layer with one) */
      replaces?: ReplacedByOverride;
    }
  | { kind: 'fallback-lead'; teamId: string };

/** One person to page, once, with every reason (two targets may name the same person). */
export interface Page {
  userId: string;
  reasons: PageReason[];
}

export interface StepTargets {
  targets: ResolvedTarget[];
  /** in target order, each person once; [] = the step resolves to nobody */
  pages: Page[];
}

/** Resolves a step's targets at instant `at` into the people to page and why. */
export function resolveStepTargets(step: EscalationStep, at: Date, resolver: TargetResolver): StepTargets {
  const targets: ResolvedTarget[] = [];
  const pages = new Map<string, Page>();
  const page = (userId: string, reason: PageReason) => {
    const existing = pages.get(userId);
    if (existing) existing.reasons.push(reason);
    else pages.set(userId, { userId, reasons: [reason] });
  };
  step.targets.forEach((target, targetIndex) => {
    switch (target.type) {
      case 'user': {
        if (!resolver.userExists(target.id)) {
          targets.push({ target, users: [], outcome: { kind: 'user-missing' } });
          return;
        }
        targets.push({ target, users: [target.id], outcome: { kind: 'user' } });
        page(target.id, { kind: 'user', targetIndex });
        return;
      }
      case 'schedule': {
        const onCall = resolver.scheduleOnCall(target.id, at);
        if (!onCall) {
          targets.push({ target, users: [], outcome: { kind: 'schedule-missing' } });
          return;
        }
        // an on-call user deleted since the schedule named them pages nobody
        const users = onCall.users.filter((u) => resolver.userExists(u));
        if (users.length === 0) {
          const layers = onCall.layers.map((l) => ({ layerName: l.layerName, empty: l.empty }));
          targets.push({ target, users: [], outcome: { kind: 'nobody-on-call', layers } });
          return;
        }
        targets.push({ target, users, outcome: { kind: 'on-call', because: onCall.because, layers: onCall.layers.map(layerAnswer) } });
        const replaces = replacedByOverride(onCall);
        for (const userId of users) {
          const because = onCall.because.find((b) => b.userId === userId) ?? null;
          const reason: PageReason = { kind: 'schedule', targetIndex, scheduleId: target.id, because };
          page(userId, replaces && replaces.userId !== userId && because?.kind === 'override' ? { ...reason, replaces } : reason);
        }
        return;
      }
      case 'slackChannel':
        targets.push({ target, users: [], outcome: { kind: 'slack-channel' } });
        return;
    }
  });
  return { targets, pages: [...pages.values()] };
}

function layerAnswer(l: LayerOnCall): LayerAnswer {
  return {
    layerName: l.layerName,
    userId: l.shift?.userId ?? null,
    shiftNumber: l.shift?.shiftNumber ?? null,
    shiftStart: l.shift?.shiftStart ?? null,
    shiftEnd: l.shift?.shiftEnd ?? null,
    empty: l.empty,
  };
}

/** When an override wins: who the layers would have had (the highest layer with a shift), if anyone. */
function replacedByOverride(onCall: OnCall): ReplacedByOverride | null {
  if (onCall.because[0]?.kind !== 'override') return null;
  for (let i = onCall.layers.length - 1; i >= 0; i--) {
    const shift = onCall.layers[i]?.shift;
    if (shift) return { userId: shift.userId, layerName: shift.layerName };
  }
  return null;
}
