import { AppError } from '@heinrich/core/app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `{id}` in storm paths: a UUID (a storm has no short number); anything else is a 400 naming `id`. */
export function parseStormId(value: unknown): string {
  const text = String(value);
  if (UUID.test(text)) return text.toLowerCase();
  throw new AppError('validation_failed', `Path is invalid: id must be a storm id (a UUID), not ${JSON.stringify(text.slice(0, 100))}`, [{ path: 'id', message: 'must be a storm id (a UUID)' }]);
}
