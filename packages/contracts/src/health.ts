import { z } from 'zod';

/** GET /healthz */
export const healthJson = z.strictObject({ status: z.literal('ok') });
export type HealthJson = z.infer<typeof healthJson>;

/** GET /readyz: 200 when Postgres answers, else 503; Redis is reported but doesn't decide. */
export const readinessJson = z.strictObject({
  status: z.enum(['ready', 'unavailable']),
  postgres: z.enum(['ok', 'unreachable']),
  redis: z.string().describe('"ok", or why not (alerts are still accepted and queued in Postgres)'),
});
export type ReadinessJson = z.infer<typeof readinessJson>;
