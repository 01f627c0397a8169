import { z } from 'zod';
import { rfc3339 } from './primitives';

/** POST /api/v1/escalation-policies/{id}/simulate */
export const simulateBody = z.strictObject({
  /** when the incident would open */
  at: rfc3339,
  /** the alert's severity: decides the urgency as a service "by severity" would (none: high) */
  severity: z.string().max(100).optional(),
});
export type SimulateBody = z.infer<typeof simulateBody>;
