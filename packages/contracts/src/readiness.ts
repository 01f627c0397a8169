import { READINESS_KINDS } from '@heinrich/core/readiness/readiness-finding';
import { z } from 'zod';
import { instant, uuid } from './primitives';

/** GET /api/v1/readiness?teamId= — the findings about one team's objects (people: through its policies); all when absent. */
export const readinessQuery = z.object({ teamId: uuid.optional() });
export type ReadinessQuery = z.infer<typeof readinessQuery>;

export const readinessSeverity = z.enum(['critical', 'warning', 'info']);
export const readinessKind = z.enum(READINESS_KINDS);

export const readinessWindowJson = z.strictObject({ start: instant, end: instant, minutes: z.int().describe('its length in whole minutes (rounded up)') });

/** One hole in the paging setup (docs/insights.md "Paging readiness"). */
export const readinessFindingJson = z.strictObject({
  key: z.string().describe('stable while the hole is the same (kind, object, policy and step; not the times): "still unfixed" in the weekly digest'),
  kind: readinessKind,
  severity: readinessSeverity,
  object: z
    .strictObject({
      type: z.enum(['schedule', 'escalation_policy', 'service', 'user', 'integration_key', 'routing_integration', 'heartbeat']),
      id: uuid,
      name: z.string(),
    })
    .describe('the object to fix'),
  teamId: uuid.nullable().describe("the team that owns the object (people: the policy's team); null: none"),
  message: z.string().describe('"Step 1 of escalation policy Nights pages nobody 14 times, 9 d 7 h in all; the first from …"'),
  link: z.string().describe('the web UI path where it is fixed: /schedules/{id}, /policies/{id}, /services/{id}, /users/{id}, /routing'),
  policy: z.strictObject({ id: uuid, name: z.string(), step: z.int().describe('1-based') }).optional().describe('step and responder findings: where'),
  windows: z.array(readinessWindowJson).optional().describe('gaps and empty steps: the stretches within the horizon, in order (at most 20)'),
  totalMinutes: z.int().optional().describe('gaps and empty steps: all their minutes in the horizon'),
});
export type ReadinessFindingJson = z.infer<typeof readinessFindingJson>;

export const pagingReadinessJson = z.strictObject({
  from: instant.describe('now: the horizon checked is [from, to), 14 days'),
  to: instant,
  findings: z.array(readinessFindingJson).describe('most severe first, then by kind and name; empty when the setup has no hole'),
});
export type PagingReadinessJson = z.infer<typeof pagingReadinessJson>;
