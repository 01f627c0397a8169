import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from './generated/prisma/client';
import { registerPrisma } from './queryable';
import { RoutedPool } from './transaction-scope';

export type { PrismaClient };

/**
 * One pg pool shared by Prisma (CRUD) and the hand-written SQL of hot paths
 * (ingest), so a process holds one set of connections. The pool is a
 * RoutedPool: inside `withTransaction` Prisma's queries run in the transaction.
 */
export interface Database {
  pool: pg.Pool;
  prisma: PrismaClient;
  close(): Promise<void>;
}

export function createDatabase(opts: { url: string; poolSize: number; applicationName: string }): Database {
  const pool = new RoutedPool({
    connectionString: opts.url,
    max: opts.poolSize,
    application_name: opts.applicationName,
    // fail fast when Postgres is gone: the sender retries a 503, a hung request helps nobody
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    // statements are short; anything longer is a bug or a lock pile-up
    statement_timeout: 5_000,
  });
  // an idle client losing its connection must not crash the process
  pool.on('error', () => {});
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool),
    transactionOptions: { maxWait: 3_000, timeout: 8_000 },
  });
  registerPrisma(pool, prisma);
  return {
    pool,
    prisma,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** True when Postgres answers a trivial query within the pool's timeouts. */
export async function pingDatabase(db: Database): Promise<boolean> {
  try {
    await db.pool.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
