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

/** One page the engine would send: when, at which step, to whom, and each notification of it. */
const simulatedPage = z.strictObject({
  at: z.string(),
  cycle: z.int().describe('0 for the first pass through the steps, then each repeat'),
  step: z.int().describe('0-based index of the step'),
  userId: z.string(),
  name: z.string(),
  reasons: z.unknown().describe("why the step pages them (the engine's page reasons: user, schedule, fallback-lead)"),
  sends: z.array(z.strictObject({ channel: z.string(), at: z.string(), ruleId: z.string().nullable() })),
  notUsed: z.array(z.string()).describe('their contact methods not used, and why'),
});

/** The answer to POST /api/v1/escalation-policies/{id}/simulate (read only). */
export const simulationJson = z.strictObject({
  policyId: z.string(),
  at: z.string(),
  urgency: z.enum(['high', 'low']),
  urgencyReason: z.string(),
  pages: z.array(simulatedPage),
  warnings: z.array(z.string()).describe('steps that page nobody, people nobody can reach, rules later than the next step'),
});
export type SimulationJson = z.infer<typeof simulationJson>;
