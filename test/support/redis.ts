import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import './provided-context';

/** The Redis the integration tests share (TEST_REDIS_URL or redis://127.0.0.1:6379). */
export function testRedisUrl(): string {
  return inject('heinrichRedisUrl');
}

/**
 * A key/queue prefix no other test (or concurrent run) uses, so tests share one
 * Redis without seeing each other's jobs. Letters, digits, `_` and `-` only:
 * BullMQ joins prefix, queue name and job id with `:`, so a prefix must not contain one.
 */
export function uniquePrefix(label: string): string {
  const safe = label.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'test';
  return `t-${safe}-${process.pid}-${randomBytes(4).toString('hex')}`;
}
