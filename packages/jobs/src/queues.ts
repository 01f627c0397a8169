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
