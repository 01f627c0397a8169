import type { Urgency } from '../escalation/urgency';
import type { ContactMethodType } from './contact-method-value';
import { CHANNEL_LABEL, nextFallback } from './plan-delivery';
import { planFor, type PlanTarget } from './plan-pages';

/** What a fallback reads of a page whose delivery failed for good or is unavailable. */
export interface FallbackState {
  /** the page's earliest delivery still queued (by due time, then creation), if any */
  queued: { id: string; channel: string; dueAt: Date } | null;
  /** the paged user as planning reads them; null when the user is gone */
  target: PlanTarget | null;
  urgency: Urgency;
  allowVoice: boolean;
  /** channels this worker has credentials for */
  configured: ReadonlySet<ContactMethodType>;
  /** contact methods the page already has a delivery for */
  tried: ReadonlySet<string>;
  /** another delivery of the page is queued, sending, sent or delivered */
  live: boolean;
  now: Date;
}

/** What to do, and how the timeline says it ("trying webhook now", "nothing left to try"). */
export type FallbackDecision =
  | { kind: 'already_due'; sentence: string }
  | { kind: 'pull_forward'; deliveryId: string; sentence: string }
  | { kind: 'send'; contactMethodId: string; channel: ContactMethodType; target: string; ruleId: string | null; sentence: string }
  | { kind: 'give_up'; failPage: boolean; sentence: string };

/**
 * The user's next untried method, now: the earliest delivery of the page still
 * queued (moved to now if it was due later), else the next method of the
 * user's plan (re-planned with the configured channels) without a delivery yet,
 * sent now; else nothing left to try, and the page fails unless another
 * delivery of it is under way or went out. Pure.
 */
export function decideFallback(s: FallbackState): FallbackDecision {
  if (s.queued) {
    const label = CHANNEL_LABEL[s.queued.channel as ContactMethodType] ?? s.queued.channel;
    if (s.queued.dueAt.getTime() <= s.now.getTime()) return { kind: 'already_due', sentence: `${label} is already on its way` };
    return { kind: 'pull_forward', deliveryId: s.queued.id, sentence: `trying ${label} now (planned for later)` };
  }
  if (s.target) {
    const send = nextFallback(planFor(s.target, s.urgency, s.allowVoice, s.configured), s.tried);
    if (send) {
      const value = s.target.methods.find((m) => m.id === send.contactMethodId)!.value;
      return { kind: 'send', contactMethodId: send.contactMethodId, channel: send.type, target: value, ruleId: send.ruleId, sentence: `trying ${CHANNEL_LABEL[send.type]} now` };
    }
  }
  return { kind: 'give_up', failPage: !s.live, sentence: 'nothing left to try' };
}
