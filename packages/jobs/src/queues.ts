import { z } from 'zod';

/**
 * The job catalog: one queue name, one IDs-only payload schema and one
 * deterministic job id per job. BullMQ custom ids must not contain `:` and must
 * not be all digits (docs/architecture.md).
 */
export const INCIDENT_EVENTS_QUEUE = 'incident-events';
export const INCIDENT_EVENT_JOB = 'incident-event';

/** An incident lifecycle event, written to the outbox in the ingest transaction. */
export const incidentEventJob = z.object({ outboxId: z.uuid() });
export type IncidentEventJob = z.infer<typeof incidentEventJob>;

export function incidentEventJobId(outboxId: string): string {
  return `outbox-${outboxId}`;
}

/**
 * The escalation engine's wake-ups: one delayed job per pending step (or
 * acknowledgement timeout), id `esc-<incidentId>-c<cycle>-s<step>-g<generation>`
 * (escalationJobId in packages/core/src/escalation). Postgres holds the state;
 * a lost job is found by the sweeper.
 */
export const ESCALATIONS_QUEUE = 'escalations';
export const ESCALATION_STEP_JOB = 'escalation-step';

export const escalationStepJob = z.object({
  incidentId: z.uuid(),
  cycle: z.number().int().min(0),
  step: z.number().int().min(0),
  generation: z.number().int().min(0),
});
export type EscalationStepJob = z.infer<typeof escalationStepJob>;

/**
 * Delivery: one queue per provider (`deliver-log`, `deliver-webhook`, later
 * `deliver-sms`, ...), so a 429 that pauses one provider's queue never delays
 * another channel. One job per delivery and due time, id
 * `dlv-<deliveryId>-<dueAt ms>`, delayed until due: a fallback that moves a
 * delivery earlier gets a new job, and the old one finds nothing to claim.
 */
export const DELIVERY_JOB = 'deliver';

export function deliveryQueueName(channel: string): string {
  return `deliver-${channel}`;
}

export const deliveryJob = z.object({ deliveryId: z.uuid(), dueAt: z.iso.datetime() });
export type DeliveryJob = z.infer<typeof deliveryJob>;

export function deliveryJobId(deliveryId: string, dueAt: Date): string {
  return `dlv-${deliveryId}-${dueAt.getTime()}`;
}
