import type { ApiError } from '../api/client';
import { plainMessage } from './plain-message';

/** The problems the API reported for one field path (exact, or nested under it: `layers.0` shows `layers.0.members` too when `nested`), in plain words. */
export function fieldMessages(error: ApiError | null | undefined, path: string, nested = false): string[] {
  if (!error) return [];
  return error.fields
    .filter((f) => f.path === path || (nested && f.path.startsWith(`${path}.`)))
    .map((f) => plainMessage(f.path, f.message));
}

/** An id for aria-describedby, so the field's error is read with the field. */
export function fieldErrorId(path: string): string {
  return `err-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * The API's message for one field, shown right under it (one per field: the
 * first problem the API named for it):
 * `<FieldError error={apiError} path="layers.0.members" />`.
 */
export function FieldError({ error, path, nested = false }: { error: ApiError | null | undefined; path: string; nested?: boolean }) {
  const messages = fieldMessages(error, path, nested);
  if (messages.length === 0) return null;
  return (
    <p className="field-error" id={fieldErrorId(path)} role="alert">
      {messages[0]}
    </p>
  );
}
