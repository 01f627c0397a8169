import { z } from 'zod';

/** Prometheus label names/values: names are identifiers, values any string. */
export const labelSet = z.record(
  z.string().min(1).max(1024),
  z.string({ error: 'label and annotation values must be strings' }).max(65_536),
  { error: 'must be an object of string values' },
);

/**
 * RFC 3339 timestamps with 0 to 9 fractional digits: Alertmanager prints Go's
 * time with nanoseconds and trailing zeros dropped (…40.080798287Z).
 */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
export const rfc3339 = z
  .string({ error: 'must be an RFC 3339 timestamp' })
  // one check, one message: a value is either a real RFC 3339 instant or it isn't
  .refine(
    (s) => RFC3339.test(s) && !Number.isNaN(Date.parse(s.replace(/(\.\d{3})\d+/, '$1'))),
    'must be an RFC 3339 timestamp such as 2026-11-28T19:50:40.08Z',
  );

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
