import { CONTACT_METHOD_TYPES, type ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import { CHANNEL_LABEL, planDelivery, sendDueAt, type DeliveryPlan } from '@heinrich/core/delivery/plan-delivery';
import type { Urgency } from '@heinrich/core/escalation/urgency';
import { insertDeliveries, type NewDelivery } from '@heinrich/db/delivery/insert-deliveries';
import { loadDeliveryTargets, type DeliveryTarget } from '@heinrich/db/delivery/load-delivery-targets';
import { recordEvents, type NewIncidentEvent } from '@heinrich/db/incidents/record-events';
import type pg from 'pg';

/**
 * Every channel counts as configured when planning: whether a provider has
 * credentials is the worker's knowledge, so a delivery on an unconfigured
 * channel is created and then recorded `unavailable` (with the reason, and the
 * next method used) by the dispatcher.
 */
const EVERY_CHANNEL: ReadonlySet<ContactMethodType> = new Set(CONTACT_METHOD_TYPES);

/**
 * Turns new pages into deliveries: each page the engine wrote (notifications
 * pending, not planned yet; rows another planner holds are skipped) becomes
 * the user's plan — deliveries queued, due at the page time plus the rule's
 * delay — and a timeline entry says how the user will be notified and why any
 * method is not used. The page row is the durable record (written in the
 * engine's transaction; its insert NOTIFYs the dispatcher at commit); this
 * pass is idempotent (planned_at, and the unique (notification, contact
 * method)), so the dispatcher and its timer may both run it.
 */
export async function planPendingPages(
  client: pg.PoolClient,
  now: Date,
  opts: {
    limit?: number;
  } = {},
): Promise<{ pages: number }> {
  const pages = await client.query<{ id: string; incidentId: string; userId: string; allowVoice: boolean; createdAt: Date; urgency: Urgency }>(
    `SELECT n.id, n.incident_id AS "incidentId", n.user_id AS "userId", n.allow_voice AS "allowVoice", n.created_at AS "createdAt",
            COALESCE(e.urgency, 'high') AS urgency
       FROM notifications n LEFT JOIN incident_escalations e ON e.incident_id = n.incident_id
      WHERE n.planned_at IS NULL AND n.status = 'pending'
      ORDER BY n.created_at LIMIT $1
      FOR UPDATE OF n SKIP LOCKED`,
    [opts.limit ?? 200],
  );
  if (pages.rows.length === 0) return { pages: 0 };
  const targets = await loadDeliveryTargets(client, [...new Set(pages.rows.map((n) => n.userId))]);
  const deliveries: NewDelivery[] = [];
  const events: NewIncidentEvent[] = [];
  for (const n of pages.rows) {
    const target = targets.get(n.userId);
    if (!target) continue;
    const plan = planFor(target, n.urgency, n.allowVoice, EVERY_CHANNEL);
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
  // no NOTIFY of our own: we are the dispatcher
  await insertDeliveries(client, deliveries, now, { notify: false });
  await recordEvents(client, events);
  await client.query(`UPDATE notifications SET planned_at = $2 WHERE id = ANY($1::uuid[])`, [pages.rows.map((n) => n.id), now]);
  return { pages: pages.rows.length };
}

/** The user's plan for an incident of this urgency, with these channels configured. */
export function planFor(target: DeliveryTarget, urgency: Urgency, allowVoice: boolean, configured: ReadonlySet<ContactMethodType>): DeliveryPlan {
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
