import { AppError } from '@heinrich/core/app-error';

/** A list position: created_at as Postgres text with microseconds, and the tie-breaking id. */
export interface ListPosition {
  createdAt: string;
  id: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The opaque `cursor` of list responses (services, incidents): base64url of
 * "<createdAt>_<id>". Opaque to callers so the ordering can change without
 * breaking clients that only pass `nextCursor` back.
 */
export function encodeListCursor(position: ListPosition): string {
  return Buffer.from(`${position.createdAt}_${position.id}`, 'utf8').toString('base64url');
}

/** The position a cursor names; a cursor we did not issue is a 400 naming `cursor`. */
export function decodeListCursor(cursor: string | undefined): ListPosition | undefined {
  if (cursor === undefined) return undefined;
  const [createdAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('_');
  if (rest.length > 0 || !createdAt || !id || !TIMESTAMP.test(createdAt) || !UUID.test(id)) {
    const message = 'is not a cursor this API returned; pass nextCursor from the previous page unchanged';
    throw new AppError('validation_failed', `Query is invalid: cursor ${message}`, [{ path: 'cursor', message }]);
  }
  return { createdAt, id };
}
