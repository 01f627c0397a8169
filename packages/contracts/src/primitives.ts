import { normalizeTimestamp, TIMESTAMP_EXAMPLE } from '@heinrich/core/normalize-timestamp';
import { z } from 'zod';

/** Half of a UTF-16 surrogate pair without its other half: not Unicode text (Go's JSON encoder never writes one). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const LONE_SURROGATE_MESSAGE = 'contains a lone UTF-16 surrogate (such as \\ud800): not Unicode text';

/**
 * A string of Unicode text, refusing a lone surrogate (which Postgres refuses
 * in jsonb). With `max`, longer is a 400 saying so; without, the sender's
 * length is repaired later (core/repair-text: cut at 64 KiB).
 */
export function text(max?: number) {
  const s = z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') });
  return (max === undefined ? s : s.max(max, `is too long: at most ${max} characters`)).refine(
    (v) => !LONE_SURROGATE.test(v),
    LONE_SURROGATE_MESSAGE,
  );
}

/**
 * Prometheus label names/values (and annotations): any text. Prometheus 3
 * allows any UTF-8 in names, NUL included; lengths and NULs are repaired, not refused.
 */
export const labelSet = z.record(text().min(1, 'must not be empty'), text(), {
  // a bad name is reported at its own path: "label name must not be empty"
  error: (issue) =>
    issue.code === 'invalid_key' ? `label name ${issue.issues[0]?.message ?? 'is invalid'}` : 'must be an object of string values',
});

/**
 * RFC 3339 timestamps with 0 to 9 fractional digits (Alertmanager prints Go's
 * time with nanoseconds and trailing zeros dropped: …40.080798287Z), checked
 * against the calendar and rewritten in UTC (core/normalize-timestamp), so
 * every value accepted is one Postgres stores.
 */
export const rfc3339 = z
  .string({ error: `must be an RFC 3339 timestamp such as ${TIMESTAMP_EXAMPLE}` })
  .transform((s, ctx) => {
    const result = normalizeTimestamp(s);
    if (result.ok) return result.utc;
    ctx.addIssue({ code: 'custom', message: result.problem });
    return z.NEVER;
  });

export const uuid = z.uuid({ error: 'must be a UUID' });

/** Cursor pagination: lists answer {items, nextCursor}. */
export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

// --- responses (their schemas document the API: packages/contracts/src/openapi) ---

/** An instant in a response: ISO 8601 in UTC, as Date#toISOString writes it. */
export const instant = z.iso.datetime({ offset: true });

/** A list's answer: one page of items, and the cursor of the next page (null: the last page). */
export function page<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A string-to-string map (labels, annotations). */
export const stringMap = z.record(z.string(), z.string());

/**
 * A form or vendor-payload field read as a plain string (no text repair: vendors'
 * ids and codes): "is required" when absent, "must be a string" otherwise.
 */
export function formString() {
  return z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') });
}
