import { AppError } from '@heinrich/core/app-error';

/** Where a page of overrides ends: the last one's start (ms precision, as stored from the API) and id. */
export interface OverridePosition {
  startsAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The opaque `cursor` of override lists: base64url of "<start ISO>_<id>". */
export function encodeOverrideCursor(p: OverridePosition): string {
  return Buffer.from(`${p.startsAt.toISOString()}_${p.id}`, 'utf8').toString('base64url');
}

/** The position a cursor names; one this API did not issue is a 400 naming `cursor`. */
export function decodeOverrideCursor(cursor: string | undefined): OverridePosition | undefined {
  if (cursor === undefined) return undefined;
  const [start, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('_');
  const startsAt = new Date(start ?? '');
  if (rest.length > 0 || !id || !UUID.test(id) || Number.isNaN(startsAt.getTime()) || startsAt.toISOString() !== start) {
    const message = 'is not a cursor this API returned; pass nextCursor from the previous page unchanged';
    throw new AppError('validation_failed', `Query is invalid: cursor ${message}`, [{ path: 'cursor', message }]);
  }
  return { startsAt, id };
}
