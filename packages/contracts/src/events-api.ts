import { utf8ByteLength } from '@heinrich/core/repair-text';
import { z } from 'zod';
import { inputWarningsJson } from './input-warnings';
import { rfc3339, text } from './primitives';

/** Deepest nesting accepted in free-form `custom_details`. */
const MAX_DEPTH = 16;
/** Largest `custom_details` accepted, serialized as JSON (64 KiB). */
export const MAX_CUSTOM_DETAILS_BYTES = 65_536;

/** Whether JSON nests deeper than `max` levels (a scalar is level 0); iterative, so no input can overflow the stack. */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, level] = stack.pop()!;
    if (level > max) return true;
    if (v !== null && typeof v === 'object') {
      for (const child of Array.isArray(v) ? v : Object.values(v)) {
        if (child !== null && typeof child === 'object') stack.push([child, level + 1]);
        else if (level + 1 > max) return true;
      }
    }
  }
  return false;
}

/**
 * Generic events API, modelled on PagerDuty Events API v2
 * (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/), so tools
 * that speak it need only a new URL. The routing_key is the integration key.
 * Senders are programs: a value too long is a 400 naming the limit, not cut
 * (NULs are repaired, with a warning, as for Alertmanager).
 */
export const eventsApiEvent = z
  .object({
    routing_key: text(256).min(1, 'is required: the integration key of an events integration'),
    event_action: z.enum(['trigger', 'acknowledge', 'resolve'], {
      error: 'must be "trigger", "acknowledge" or "resolve"',
    }),
    /** identifies the alert; triggers with the same key while open are one incident */
    dedup_key: text(255).min(1, 'must not be empty').optional(),
    payload: z
      .object(
        {
          summary: text(1024).min(1, 'must not be empty'),
          source: text(255).min(1, 'must not be empty'),
          severity: z.enum(['critical', 'error', 'warning', 'info'], {
            error: 'must be "critical", "error", "warning" or "info"',
          }),
          /** checked, not used: the incident's times are Heinrich's */
          timestamp: rfc3339.optional(),
          component: text(255).optional(),
          group: text(255).optional(),
          class: text(255).optional(),
          custom_details: z
            .unknown()
            .optional()
            .superRefine((v, ctx) => {
              if (v === undefined) return;
              if (nestsDeeperThan(v, MAX_DEPTH)) {
                ctx.addIssue({ code: 'custom', message: `must not nest deeper than ${MAX_DEPTH} levels` });
                return;
              }
              const bytes = utf8ByteLength(JSON.stringify(v));
              if (bytes > MAX_CUSTOM_DETAILS_BYTES) {
                ctx.addIssue({
                  code: 'custom',
                  message: `is too large: at most ${MAX_CUSTOM_DETAILS_BYTES} bytes (64 KiB) as JSON, this is ${bytes}`,
                });
              }
            }),
        },
        { error: 'must be an object' },
      )
      .optional(),
    links: z
      .array(z.object({ href: text(2048), text: text(1024).optional() }, { error: 'must be an object' }), {
        error: 'must be an array of links',
      })
      .max(50, 'has too many links: at most 50')
      .optional(),
    client: text(255).optional(),
    client_url: text(2048).optional(),
  })
  .superRefine((e, ctx) => {
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
  warnings: inputWarningsJson.describe('NUL characters replaced to store the event; empty when nothing was'),
});
export type EventsApiResponse = z.infer<typeof eventsApiResponse>;
