import { createHash } from 'node:crypto';
import type pg from 'pg';
import { runInTransactionScope } from './transaction-scope';

/**
 * The one transaction type: a pooled connection inside `withTransaction`.
 * Hand-written SQL runs on it, and Prisma Client calls made while the
 * callback runs run on it too (transaction-scope.ts), so both commit together.
 */
export type Tx = pg.PoolClient;

/**
 * Postgres errors after which the whole transaction may simply run again:
 * serialization_failure, deadlock_detected; P2034 is Prisma's name for them.
 */
const RETRYABLE_CODES = new Set(['40001', '40P01', 'P2034']);

/**
 * True for a serialization failure or deadlock, whether pg raised it (`code`)
 * or Prisma wrapped it (its driver adapter's error under `cause` or
 * `meta.driverAdapterError`, with the SQLSTATE as `originalCode`).
 */
export function isRetryableError(err: unknown, depth = 0): boolean {
  if (err instanceof RetryTransaction) return true;
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if (typeof e.code === 'string' && RETRYABLE_CODES.has(e.code)) return true;
  if (typeof e.originalCode === 'string' && RETRYABLE_CODES.has(e.originalCode)) return true;
  return isRetryableError(e.cause, depth + 1) || isRetryableError(e.meta?.driverAdapterError, depth + 1);
}

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
 * back and runs again (up to `attempts` times). Prisma Client calls made
 * while `fn` runs belong to the transaction when the pool is the Database's
 * (a RoutedPool); Prisma's own `$transaction` inside becomes a savepoint.
 *
 * `locks`: transaction-scoped advisory locks held for the whole transaction
 * (a name is an exclusive lock of level 0), taken in order (see AdvisoryLock)
 * in the same round trip as BEGIN, however many there are.
 *
 * `statementTimeoutMs`: this transaction's statement_timeout (lock waits
 * included) instead of the pool's 5 s, for work whose size is known to be large.
 *
 * `readOnlySnapshot`: a REPEATABLE READ, READ ONLY transaction: every statement
 * sees the same snapshot (a report whose tables agree). `jit: false`: no JIT
 * compilation in it (`SET LOCAL jit = off`), for statements of many small
 * index lookups whose estimated cost crosses jit_above_cost although they run
 * in milliseconds (compiling their plan would cost seconds). `bitmapScan:
 * false`: plain index scans only (`SET LOCAL enable_bitmapscan = off`), for
 * the same statements: a bitmap per lookup of a few rows costs more than it saves.
 *
 * `snapshot`: with `readOnlySnapshot`, see the snapshot another open transaction
 * exported (`exportSnapshot`) instead of a new one: reads split over two
 * connections, run in parallel, that agree with each other.
 */
export async function withTransaction<T>(
  source: pg.Pool | { pool: pg.Pool },
  fn: (tx: Tx) => Promise<T>,
  opts: {
    attempts?: number;
    locks?: readonly (string | AdvisoryLock)[];
    statementTimeoutMs?: number;
    readOnlySnapshot?: boolean;
    snapshot?: string;
    jit?: false;
    bitmapScan?: false;
  } = {},
): Promise<T> {
  const pool = typeof (source as pg.Pool).connect === 'function' ? (source as pg.Pool) : (source as { pool: pg.Pool }).pool;
  const attempts = opts.attempts ?? 4;
  // an integer computed here, so building the text is safe
  const timeout = opts.statementTimeoutMs === undefined ? [] : [`SET LOCAL statement_timeout = ${Math.max(1, Math.ceil(opts.statementTimeoutMs))}`];
  const jit = opts.jit === false ? ['SET LOCAL jit = off'] : [];
  const bitmap = opts.bitmapScan === false ? ['SET LOCAL enable_bitmapscan = off'] : [];
  if (opts.snapshot !== undefined && (!opts.readOnlySnapshot || !SNAPSHOT_ID.test(opts.snapshot))) {
    throw new Error('withTransaction: snapshot needs readOnlySnapshot and an id from exportSnapshot');
  }
  // the id was checked above, so building the text is safe
  const imported = opts.snapshot === undefined ? [] : [`SET TRANSACTION SNAPSHOT '${opts.snapshot}'`];
  const begin = [
    opts.readOnlySnapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY' : 'BEGIN',
    ...imported,
    ...timeout,
    ...jit,
    ...bitmap,
    ...lockStatements(opts.locks ?? []),
  ].join('; ');
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken = false;
    try {
      const result = await runInTransactionScope(pool, client, async () => {
        await client.query(begin);
        const value = await fn(client);
        await client.query('COMMIT');
        return value;
      });
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      if (!isRetryableError(err) || attempt >= attempts) throw err;
    } finally {
      client.release(broken);
    }
  }
}

/** what pg_export_snapshot returns (e.g. `00000003-0000001B-1`) */
const SNAPSHOT_ID = /^[0-9A-F]+-[0-9A-F]+-[0-9]+$/;

/**
 * The id of `tx`'s snapshot, for `withTransaction(…, { readOnlySnapshot: true, snapshot })`
 * on another connection while `tx` is still open (pg_export_snapshot).
 */
export async function exportSnapshot(tx: Tx): Promise<string> {
  return (await tx.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
}

/** how long `first` keeps its snapshot (and connection) for `second`, once its own work is done */
const SHARE_WAIT_MS = 250;

/** Postgres' answer to SET TRANSACTION SNAPSHOT for a snapshot whose transaction has ended */
function isGoneSnapshot(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return e?.code === '22023' && typeof e.message === 'string' && e.message.includes('snapshot');
}

/**
 * `first` and `second` in parallel, each in a read-only REPEATABLE READ
 * transaction of its own connection, both seeing one snapshot: `first`'s,
 * exported to `second` (pg_export_snapshot). For a report whose reads are split
 * over two cores and must agree. `first` keeps its transaction open for
 * `second` to import the snapshot, but never holds its connection waiting for
 * a free one: when the pool is exhausted (every connection held by a `first`),
 * it ends after SHARE_WAIT_MS and `second` then reads a snapshot of its own (a
 * few milliseconds later: tables that agree but for what committed meanwhile).
 * Not retried: a read-only snapshot meets no serialization failure.
 */
export async function withSharedSnapshot<A, B>(
  pool: pg.Pool,
  first: (tx: Tx) => Promise<A>,
  second: (tx: Tx) => Promise<B>,
  opts: { statementTimeoutMs?: number; jit?: false; bitmapScan?: false } = {},
): Promise<[A, B]> {
  const read = { ...opts, readOnlySnapshot: true, attempts: 1 };
  let giveSnapshot!: (id: string) => void;
  let noSnapshot!: (err: unknown) => void;
  const snapshot = new Promise<string>((resolve, reject) => {
    giveSnapshot = resolve;
    noSnapshot = reject;
  });
  let imported!: () => void;
  const secondHasIt = new Promise<void>((resolve) => {
    imported = resolve;
  });
  // started outside first's transaction scope: a RoutedPool would give it first's connection
  const b = snapshot.then(async (id) => {
    try {
      return await withTransaction(
        pool,
        async (tx) => {
          imported();
          return second(tx);
        },
        { ...read, snapshot: id },
      );
    } catch (err) {
      if (!isGoneSnapshot(err)) throw err;
      return withTransaction(pool, second, read);
    }
  });
  const secondDone = b.then(
    () => undefined,
    () => undefined,
  );
  const a = withTransaction(
    pool,
    async (tx) => {
      giveSnapshot(await exportSnapshot(tx));
      const value = await first(tx);
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, SHARE_WAIT_MS);
      });
      await Promise.race([secondHasIt, secondDone, waited]);
      clearTimeout(timer);
      return value;
    },
    read,
  ).catch((err: unknown) => {
    noSnapshot(err);
    throw err;
  });
  return Promise.all([a, b]);
}
