import { AppError } from '@heinrich/core/app-error';
import type { z } from 'zod';

/**
 * Validates input at the edge; a failure is a 400 naming every bad field by its
 * dotted path (`alerts.3.startsAt`).
 */
export function parse<S extends z.ZodType>(schema: S, input: unknown, what = 'Request body'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.flatMap((issue) =>
    // an unknown field is named by its own path, so a form can show the error beside it
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key].map(String).join('.'), message: 'is not a known field' }))
      : [{ path: issue.path.map(String).join('.') || '(root)', message: issue.message }],
  );
  const first = fields[0]!;
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more problem${fields.length > 2 ? 's' : ''})` : '';
  throw new AppError('validation_failed', `${what} is invalid: ${first.path} ${first.message}${more}`, fields);
}

/** `:id` path parameters are UUIDs; anything else can't exist. */
export function parseId(value: unknown, what: string): string {
  if (typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
    return value.toLowerCase();
  }
  throw AppError.notFound(what, String(value));
}
