import type pg from 'pg';

/** Postgres errors after which the whole transaction may simply run again. */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

export class RetryTransaction extends Error {}

/**
 * Runs `fn` in a READ COMMITTED transaction on one pooled connection and
 * commits; on a deadlock, serialization failure or RetryTransaction it rolls
 * back and runs again (up to `attempts` times).
 */
export async function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
  opts: { attempts?: number } = {},
): Promise<T> {
  const attempts = opts.attempts ?? 4;
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
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
