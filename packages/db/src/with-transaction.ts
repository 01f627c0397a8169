import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Postgres errors after which the whole transaction may simply run again. */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

export class RetryTransaction extends Error {}

/** A 64-bit advisory lock key for a name (first 8 bytes of its SHA-256, signed). */
export function advisoryLockKey(name: string): bigint {
  return BigInt.asIntN(64, BigInt(`0x${createHash('sha256').update(name).digest('hex').slice(0, 16)}`));
}

/**
 * Runs `fn` in a READ COMMITTED transaction on one pooled connection and
 * commits; on a deadlock, serialization failure or RetryTransaction it rolls
 * back and runs again (up to `attempts` times).
 *
 * `locks`: names of transaction-scoped advisory locks to hold for the whole
 * transaction, taken in sorted order (so two transactions can't deadlock on
 * them) in the same round trip as BEGIN. The keys are integers computed here,
 * so building that one statement as text is safe.
 */
export async function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
  opts: { attempts?: number; locks?: string[] } = {},
): Promise<T> {
  const attempts = opts.attempts ?? 4;
  const keys = [...new Set((opts.locks ?? []).map(advisoryLockKey))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const begin = keys.length > 0 ? `BEGIN; SELECT ${keys.map((k) => `pg_advisory_xact_lock(${k})`).join(', ')}` : 'BEGIN';
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query(begin);
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      const code = (err as { code?: string }).code;
      const retryable = err instanceof RetryTransaction || (code !== undefined && RETRYABLE_SQLSTATES.has(code));
      if (!retryable || attempt >= attempts) throw err;
    } finally {
      client.release(broken);
    }
  }
}
