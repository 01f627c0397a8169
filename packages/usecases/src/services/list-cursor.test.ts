import { AppError } from '@heinrich/core/app-error';
import { describe, expect, it } from 'vitest';
import { decodeListCursor, encodeListCursor } from './list-cursor';

describe('list cursors', () => {
  const position = { createdAt: '2026-11-28T19:50:40.080798Z', id: '3f9a4c1e-8b2d-4e6f-9a1b-2c3d4e5f6a7b' };

  it('round-trips a position, microseconds included, as URL-safe text', () => {
    const cursor = encodeListCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeListCursor(cursor)).toEqual(position);
  });

  it('is absent when no cursor is given', () => {
    expect(decodeListCursor(undefined)).toBeUndefined();
  });

  it.each([
    ['garbage', 'garbage'],
    ['a millisecond timestamp', Buffer.from(`2026-11-28T19:50:40.080Z_${position.id}`).toString('base64url')],
    ['no id', Buffer.from('2026-11-28T19:50:40.080798Z_').toString('base64url')],
    ['extra parts', Buffer.from(`${position.createdAt}_${position.id}_x`).toString('base64url')],
  ])('rejects %s with a 400 naming cursor', (_, cursor) => {
    let error: unknown;
    try {
      decodeListCursor(cursor);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'cursor' }] });
  });
});
