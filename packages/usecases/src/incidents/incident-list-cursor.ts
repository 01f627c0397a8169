import { AppError } from '@heinrich/core/app-error';
import type { IncidentPosition } from '@heinrich/db/incidents/select-incidents';
import { decodeListCursor, encodeListCursor } from '../services/list-cursor';

const SEVERITY = /^severity:([0-4]):(.+)$/;

/**
 * The incident list's cursor: newest first, the lists' usual cursor
 * (list-cursor.ts); sorted by severity, that cursor with the severity's rank
 * in front. A cursor of the other sort is a 400 naming `cursor`.
 */
export function encodeIncidentCursor(position: IncidentPosition, sort: 'newest' | 'severity'): string {
  const plain = encodeListCursor(position);
  return sort === 'severity' ? Buffer.from(`severity:${position.severityRank ?? 4}:${plain}`, 'utf8').toString('base64url') : plain;
}

export function decodeIncidentCursor(cursor: string | undefined, sort: 'newest' | 'severity'): IncidentPosition | undefined {
  if (cursor === undefined) return undefined;
  const bySeverity = SEVERITY.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (sort === 'newest') {
    if (bySeverity) throw wrongSort();
    return decodeListCursor(cursor);
  }
  if (!bySeverity) throw wrongSort();
  const position = decodeListCursor(bySeverity[2]);
  return position && { ...position, severityRank: Number(bySeverity[1]) };
}

function wrongSort(): AppError {
  const message = 'is a cursor of the other sort; pass nextCursor with the same sort as the page it came from';
  return new AppError('validation_failed', `Query is invalid: cursor ${message}`, [{ path: 'cursor', message }]);
}
