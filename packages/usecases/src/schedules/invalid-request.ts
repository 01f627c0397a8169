import { AppError, type FieldProblem } from '@heinrich/core/app-error';

/**
 * A 400 naming every problem, worded as the edge's zod parse words it
 * (apps/api/src/http/parse.ts): `Request body is invalid: layers.0.members must
 * list at least one user (and 2 more problems)`. Nothing when there are none.
 */
export function throwIfInvalid(fields: readonly FieldProblem[], what = 'Request body'): void {
  const first = fields[0];
  if (!first) return;
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more problem${fields.length > 2 ? 's' : ''})` : '';
  throw new AppError('validation_failed', `${what} is invalid: ${first.path} ${first.message}${more}`, [...fields]);
}
