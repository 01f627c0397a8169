import { describe, expect, it } from 'vitest';
import { formatAgo } from './time';

describe('formatAgo', () => {
  const now = new Date('2026-11-29T03:00:00Z');
  it('is coarse, for scanning a list', () => {
    expect(formatAgo('2026-11-29T02:59:30Z', now)).toBe('just now');
    expect(formatAgo('2026-11-29T02:48:00Z', now)).toBe('12 min ago');
    expect(formatAgo('2026-11-28T23:00:00Z', now)).toBe('4 h ago');
    expect(formatAgo('2026-11-25T03:00:00Z', now)).toBe('4 d ago');
    // a clock a little ahead of the server's is not "in the future"
    expect(formatAgo('2026-11-29T03:00:05Z', now)).toBe('just now');
  });
});
