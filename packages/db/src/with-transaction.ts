import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Postgres errors after which the whole transaction may simply run again. */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

/** Postgres allows 1,664 entries in one select list: the locks go in statements of at most this many. */
const LOCKS_PER_STATEMENT = 1_000;

export class RetryTransaction extends Error {}

/** A 64-bit advisory lock key for a name (first 8 bytes of its SHA-256, signed). */
export function advisoryLockKey(name: string): bigint {
  return BigInt.asIntN(64, BigInt(`0x${createHash('sha256').update(name).digest('hex').slice(0, 16)}`));
}

/**
 * A transaction-scoped advisory lock: exclusive, or `shared` (shared holders
 * exclude only exclusive ones). Locks are taken level by level (0 first), each
 * level sorted by key, so two transactions can't deadlock on them: nobody
 * waits for a lock of a lower level while holding one of a higher level.
 */
export interface AdvisoryLock {
  name: string;
  shared?: boolean;
  /** default 0 */
  level?: number;
}

/**
 * The statements taking `locks` in order; exclusive wins when a name is asked
 * for both ways. The keys are integers computed here, so building the text is safe.
 */
export function lockStatements(locks: readonly (string | AdvisoryLock)[]): string[] {
  const byKey = new Map<bigint, { key: bigint; shared: boolean; level: number }>();
  for (const lock of locks) {
    const { name, shared = false, level = 0 } = typeof lock === 'string' ? { name: lock } : lock;
    const key = advisoryLockKey(name);
    const seen = byKey.get(key);
    byKey.set(key, { key, shared: shared && (seen?.shared ?? true), level: Math.min(level, seen?.level ?? level) });
  }
  const ordered = [...byKey.values()].sort((a, b) => a.level - b.level || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const statements: string[] = [];
  for (let i = 0; i < ordered.length; i += LOCKS_PER_STATEMENT) {
    const chunk = ordered.slice(i, i + LOCKS_PER_STATEMENT);
    // one row, one (void) column per lock, evaluated left to right
    statements.push(`SELECT ${chunk.map((l) => `pg_advisory_xact_lock${l.shared ? '_shared' : ''}(${l.key})`).join(', ')}`);
  }
  return statements;
}

/**
 * Runs `fn` in a READ COMMITTED transaction on one pooled connection and
 * commits; on a deadlock, serialization failure or RetryTransaction it rolls
 * back and runs again (up to `attempts` times).
 *
 * `locks`: transaction-scoped advisory locks held for the whole transaction
 * (a name is an exclusive lock of level 0), taken in order (see AdvisoryLock)
 * in the same round trip as BEGIN, however many there are.
 */
export async function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
  opts: { attempts?: number; locks?: readonly (string | AdvisoryLock)[] } = {},
): Promise<T> {
  const attempts = opts.attempts ?? 4;
  const begin = ['BEGIN', ...lockStatements(opts.locks ?? [])].join('; ');
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
