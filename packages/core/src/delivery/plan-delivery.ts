import type { Urgency } from '../escalation/urgency';
import { needsVerification, type ContactMethodType } from './contact-method-value';

/** A personal rule as delivery reads it. */
export interface PlanRule {
  id: string;
  contactMethodId: string;
  delayMinutes: number;
  urgency: 'high' | 'low' | 'any';
}

/** A contact method as delivery reads it (verified or not). */
export interface PlanMethod {
  id: string;
  type: ContactMethodType;
  verified: boolean;
}

export interface DeliveryPlanInput {
  /** the user's rules, in the order they were made (ties at the same delay keep it) */
  rules: readonly PlanRule[];
  methods: readonly PlanMethod[];
  /** the incident's urgency: picks the rules that apply */
  urgency: Urgency;
  /** the page's allow_voice (false for low urgency: never a call) */
  allowVoice: boolean;
  /** channels whose provider has credentials (log always; webhook needs none) */
  configured: ReadonlySet<ContactMethodType>;
}

/** One message to send, `delayMinutes` after the page. */
export interface PlannedSend {
  contactMethodId: string;
  type: ContactMethodType;
  delayMinutes: number;
  /** the rule that asked for it; null when the user has no usable rule (the default method) */
  ruleId: string | null;
}

export type SkipCode = 'urgency_mismatch' | 'low_urgency' | 'unverified' | 'no_provider';

/** A method (of a rule, or of the user when they have no rules) NOT used, and why. */
export interface SkippedMethod {
  contactMethodId: string;
  type: ContactMethodType;
  ruleId: string | null;
  code: SkipCode;
  /** for the timeline: "SMS unverified", "Slack: no credentials configured", "voice: low urgency" */
  reason: string;
}

export interface DeliveryPlan {
  /** the sends, in the order they are due */
  sends: PlannedSend[];
  /** methods not used, with the reason */
  skipped: SkippedMethod[];
  /**
   * Used only when a send fails: usable methods no send uses, tried (at once)
   * after every planned send. Empty when the user's rules planned the sends.
   */
  reserve: PlannedSend[];
  /** true when the user had no usable rule and a default method was chosen */
  defaulted: boolean;
}

export const CHANNEL_LABEL: Record<ContactMethodType, string> = { sms: 'SMS', voice: 'voice', slack: 'Slack', webhook: 'webhook', log: 'log' };

/**
 * Without a usable rule a paged user is still notified (never silently
 * dropped): at once, on their first usable method in this order — a message
 * before a call, push channels before the log; the other usable methods are the
 * reserve a failure falls back to.
 */
export const DEFAULT_CHANNEL_ORDER: readonly ContactMethodType[] = ['slack', 'sms', 'webhook', 'voice', 'log'];

/**
 * The notifications of one page of a user: their rules that apply to the
 * incident's urgency, on methods that are usable (verified phones, voice only
 * when allowed, a configured provider), earliest first; one send per contact
 * method (the earliest rule wins: at most one send per page and method). Pure.
 */
export function planDelivery(input: DeliveryPlanInput): DeliveryPlan {
  const methods = new Map(input.methods.map((m) => [m.id, m]));
  const skipped: SkippedMethod[] = [];
  const unusable = (m: PlanMethod, ruleId: string | null): SkippedMethod | null => {
    const label = CHANNEL_LABEL[m.type];
    if (m.type === 'voice' && !input.allowVoice) return { contactMethodId: m.id, type: m.type, ruleId, code: 'low_urgency', reason: `${label}: low urgency (no calls)` };
    if (needsVerification(m.type) && !m.verified) return { contactMethodId: m.id, type: m.type, ruleId, code: 'unverified', reason: `${label} unverified` };
    if (!input.configured.has(m.type)) return { contactMethodId: m.id, type: m.type, ruleId, code: 'no_provider', reason: `${label}: no credentials configured` };
    return null;
  };

  const sends: PlannedSend[] = [];
  const used = new Set<string>();
  const ordered = input.rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => a.rule.delayMinutes - b.rule.delayMinutes || a.index - b.index)
    .map(({ rule }) => rule);
  for (const rule of ordered) {
    const m = methods.get(rule.contactMethodId);
    if (!m || used.has(m.id)) continue;
    if (rule.urgency !== 'any' && rule.urgency !== input.urgency) {
      skipped.push({ contactMethodId: m.id, type: m.type, ruleId: rule.id, code: 'urgency_mismatch', reason: `${CHANNEL_LABEL[m.type]}: rule for ${rule.urgency}-urgency incidents only` });
      continue;
    }
    const skip = unusable(m, rule.id);
    if (skip) {
      // a method skipped once is reported once
      if (!skipped.some((s) => s.contactMethodId === m.id && s.code === skip.code)) skipped.push(skip);
      continue;
    }
    used.add(m.id);
    sends.push({ contactMethodId: m.id, type: m.type, delayMinutes: rule.delayMinutes, ruleId: rule.id });
  }
  if (sends.length > 0) return { sends, skipped, reserve: [], defaulted: false };

  // no usable rule: the first usable method at once, the rest in reserve
  const candidates: PlannedSend[] = [];
  for (const type of DEFAULT_CHANNEL_ORDER) {
    for (const m of input.methods.filter((x) => x.type === type)) {
      const skip = unusable(m, null);
      if (skip) {
        if (!skipped.some((s) => s.contactMethodId === m.id)) skipped.push(skip);
      } else candidates.push({ contactMethodId: m.id, type: m.type, delayMinutes: 0, ruleId: null });
    }
  }
  return { sends: candidates.slice(0, 1), skipped, reserve: candidates.slice(1), defaulted: true };
}

/**
 * Where a permanent failure (or an unavailable channel) goes next: the first
 * send of the plan, then of the reserve, whose method was not tried yet; it is
 * sent at once rather than at its own delay. Null: nothing left to try.
 */
export function nextFallback(plan: DeliveryPlan, tried: ReadonlySet<string>): PlannedSend | null {
  return [...plan.sends, ...plan.reserve].find((s) => !tried.has(s.contactMethodId)) ?? null;
}

/** When a send of a page made at `pagedAt` is due. */
export function sendDueAt(pagedAt: Date, delayMinutes: number): Date {
  return new Date(pagedAt.getTime() + delayMinutes * 60_000);
}
