import type { Urgency } from '../escalation/urgency';
import type { IncidentEventDraft } from '../incidents/incident-event-catalog';
import type { ContactMethodType } from './contact-method-value';
import { CHANNEL_LABEL, planDelivery, sendDueAt, type DeliveryPlan } from './plan-delivery';

/** A paged user as planning reads them: name, contact methods and personal rules, oldest first. */
export interface PlanTarget {
  userId: string;
  userName: string;
  methods: readonly { id: string; type: string; value: string; verified: boolean }[];
  rules: readonly { id: string; contactMethodId: string; delayMinutes: number; urgency: string }[];
}

/** A page the engine wrote that has no deliveries yet. */
export interface PendingPage {
  id: string;
  incidentId: string;
  userId: string;
  allowVoice: boolean;
  createdAt: Date;
  urgency: Urgency;
}

/** A delivery to queue: the page, the method, where to send, and when it is due. */
export interface PlannedDelivery {
  notificationId: string;
  contactMethodId: string;
  channel: ContactMethodType;
  target: string;
  ruleId: string | null;
  dueAt: Date;
}

/** The timeline entry that says how a paged user will be notified (or why they cannot be); its data is typed by the catalog. */
export type PlanEvent = Extract<IncidentEventDraft, { type: 'delivery_planned' | 'delivery_impossible' }> & {
  incidentId: string;
  message: string;
  actor: 'system';
  via: null;
};

/** The user's plan for an incident of this urgency, with these channels configured. Pure. */
export function planFor(target: PlanTarget, urgency: Urgency, allowVoice: boolean, configured: ReadonlySet<ContactMethodType>): DeliveryPlan {
  return planDelivery({
    rules: target.rules.map((r) => ({ ...r, urgency: r.urgency as 'high' | 'low' | 'any' })),
    methods: target.methods.map((m) => ({ id: m.id, type: m.type as ContactMethodType, verified: m.verified })),
    urgency,
    allowVoice,
    configured,
  });
}

/** "Notifying Alice: Slack now, SMS after 1 min; not used: SMS unverified" */
export function describePlan(name: string, plan: DeliveryPlan, methodCount: number): string {
  const notUsed = plan.skipped.length > 0 ? `; not used: ${plan.skipped.map((s) => s.reason).join(', ')}` : '';
  if (plan.sends.length === 0) {
    return methodCount === 0 ? `Cannot notify ${name}: they have no contact methods` : `Cannot notify ${name}: no usable contact method${notUsed}`;
  }
  const sends = plan.sends.map((s) => `${CHANNEL_LABEL[s.type]} ${s.delayMinutes === 0 ? 'now' : `after ${s.delayMinutes} min`}`).join(', ');
  const why = plan.defaulted ? ' (no usable personal rule: their first usable method)' : '';
  return `Notifying ${name}: ${sends}${why}${notUsed}`;
}

/**
 * New pages become deliveries and timeline entries: each page whose user is
 * known gets the user's plan (every send due at the page time plus the rule's
 * delay) and one entry saying how they will be notified and why any method is
 * not used. Pages of unknown users get neither. Pure.
 */
export function planPages(
  pages: readonly PendingPage[],
  targets: ReadonlyMap<string, PlanTarget>,
  configured: ReadonlySet<ContactMethodType>,
): { deliveries: PlannedDelivery[]; events: PlanEvent[] } {
  const deliveries: PlannedDelivery[] = [];
  const events: PlanEvent[] = [];
  for (const n of pages) {
    const target = targets.get(n.userId);
    if (!target) continue;
    const plan = planFor(target, n.urgency, n.allowVoice, configured);
    const values = new Map(target.methods.map((m) => [m.id, m.value]));
    for (const s of plan.sends) {
      deliveries.push({
        notificationId: n.id,
        contactMethodId: s.contactMethodId,
        channel: s.type,
        target: values.get(s.contactMethodId)!,
        ruleId: s.ruleId,
        dueAt: sendDueAt(n.createdAt, s.delayMinutes),
      });
    }
    events.push({
      incidentId: n.incidentId,
      type: plan.sends.length > 0 ? 'delivery_planned' : 'delivery_impossible',
      message: describePlan(target.userName, plan, target.methods.length),
      actor: 'system',
      via: null,
      data: { userId: n.userId, notificationId: n.id, sends: plan.sends, skipped: plan.skipped, defaulted: plan.defaulted },
    });
  }
  return { deliveries, events };
}
