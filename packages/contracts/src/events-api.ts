import { z } from 'zod';

/** Deepest nesting accepted in free-form `custom_details`. */
const MAX_DEPTH = 16;

function depth(value: unknown, level = 0): number {
  if (level > MAX_DEPTH) return level;
  if (Array.isArray(value)) return Math.max(level, ...value.map((v) => depth(v, level + 1)));
  if (value !== null && typeof value === 'object') {
    return Math.max(level, ...Object.values(value).map((v) => depth(v, level + 1)));
  }
  return level;
}

/**
 * Generic events API, modelled on PagerDuty Events API v2
 * (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/), so tools
 * that speak it need only a new URL. The routing_key is the integration key.
 */
export const eventsApiEvent = z.looseObject({
  routing_key: z.string({ error: 'is required: the integration key of an events integration' }).min(1).max(256),
  event_action: z.enum(['trigger', 'acknowledge', 'resolve'], {
    error: 'must be "trigger", "acknowledge" or "resolve"',
  }),
  /** identifies the alert; triggers with the same key while open are one incident */
  dedup_key: z.string().min(1).max(255).optional(),
  payload: z
    .looseObject({
      summary: z.string({ error: 'is required' }).min(1, 'must not be empty').max(1024),
      source: z.string({ error: 'is required' }).min(1, 'must not be empty').max(255),
      severity: z.enum(['critical', 'error', 'warning', 'info'], {
        error: 'must be "critical", "error", "warning" or "info"',
      }),
      timestamp: z.string().max(64).optional(),
      component: z.string().max(255).optional(),
      group: z.string().max(255).optional(),
      class: z.string().max(255).optional(),
      custom_details: z
        .unknown()
        .optional()
        .refine((v) => depth(v) <= MAX_DEPTH, `must not nest deeper than ${MAX_DEPTH} levels`),
    })
    .optional(),
  links: z.array(z.object({ href: z.string().max(2048), text: z.string().max(1024).optional() })).max(50).optional(),
  client: z.string().max(255).optional(),
  client_url: z.string().max(2048).optional(),
}).superRefine((e, ctx) => {
  if (e.event_action === 'trigger' && !e.payload) {
    ctx.addIssue({ code: 'custom', path: ['payload'], message: 'is required for a trigger event' });
  }
  if (e.event_action !== 'trigger' && !e.dedup_key) {
    ctx.addIssue({ code: 'custom', path: ['dedup_key'], message: `is required for ${e.event_action}` });
  }
});
export type EventsApiEvent = z.infer<typeof eventsApiEvent>;

/** The answer to an event (202), as PagerDuty's Events API v2 answers. */
export const eventsApiResponse = z.strictObject({
  status: z.literal('success'),
  message: z.string(),
  dedup_key: z.string(),
  incident_number: z.int().optional().describe('the incident the event opened or joined'),
});
export type EventsApiResponse = z.infer<typeof eventsApiResponse>;
