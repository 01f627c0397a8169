import { z } from 'zod';

/** The error codes and their statuses (apps/api/src/http/error-handler.ts); `internal` is the 500. */
export const errorCode = z.enum([
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'precondition_failed',
  'precondition_required',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'unavailable',
  'internal',
]);

/** Every error answer of the API: what, which and why, and each bad field by its dotted path. */
export const errorJson = z.strictObject({
  error: z.strictObject({
    code: errorCode,
    message: z.string(),
    fields: z.array(
      z.strictObject({
        path: z.string().describe('dotted path into the request body or query, e.g. alerts.3.labels'),
        message: z.string(),
        params: z
          .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
          .optional()
          .describe('the values the message mentions, as data: instants as ISO strings (e.g. {"start": "2026-12-10T17:00:00.000Z"}), for showing them in the reader\'s zone'),
      }),
    ),
  }),
});
export type ErrorJson = z.infer<typeof errorJson>;
