import { z } from 'zod';

/**
 * `warnings` of an ingest answer (Alertmanager's 200, the events API's 202): each
 * change made to what the sender sent before storing it (core/repair-text), `[]`
 * when none. At most 100 listed; a last one counts the rest.
 */
export const inputWarningsJson = z.array(
  z.strictObject({
    path: z.string().describe('the dotted path of the field in the request body, e.g. alerts.0.labels.pod'),
    message: z.string().describe('what was done, e.g. "NUL characters replaced by U+FFFD"'),
  }),
);
export type InputWarningsJson = z.infer<typeof inputWarningsJson>;
