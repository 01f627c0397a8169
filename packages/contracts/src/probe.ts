import { z } from 'zod';
import { uuid } from './primitives';

/**
 * POST /api/v1/probe/deliveries: the page a webhook contact method receives
 * (packages/providers/src/webhook-sender.ts webhookBody), sent by the probe's
 * escalation back to the api. Only the incident's id is read; the rest is
 * allowed as it comes.
 */
export const probeWebhookBody = z.looseObject({
  type: z.literal('incident.page', { error: 'must be "incident.page"' }),
  incident: z.looseObject({ id: uuid }),
});

/** Its answer: whether this delivery completed a probe run (false: a repeat, or not a probe incident). */
export const probeReceiptJson = z.object({ recorded: z.boolean() });
export type ProbeReceiptJson = z.infer<typeof probeReceiptJson>;
