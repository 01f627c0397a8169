import type pg from 'pg';
import type { PrismaClient } from './generated/prisma/client';
import { poolOfTransaction } from './transaction-scope';
import type { Tx } from './with-transaction';

/**
 * What a data-access function runs on: a pool (each statement on its own,
 * autocommitted) or a transaction from `withTransaction`. SQL runs on it
 * directly; Prisma Client calls go through `prismaOf(q)`.
 */
export type Queryable = pg.Pool | Tx;

const clients = new WeakMap<pg.Pool, PrismaClient>();

/** Makes `prisma` the Prisma Client of `pool` (createDatabase does, once). */
export function registerPrisma(pool: pg.Pool, prisma: PrismaClient): void {
  clients.set(pool, prisma);
}

/**
 * The Prisma Client to use for `q`. For a transaction this is the pool's
 * client, whose queries the transaction scope routes to the transaction's
 * connection: so it may only be called while that transaction's callback
 * runs (a transaction that has ended is refused, never silently autocommitted).
 */
export function prismaOf(q: Queryable): PrismaClient {
  const pool = 'release' in q ? poolOfTransaction(q) : q;
  if (!pool) throw new Error('prismaOf: this transaction is not the one running here (it ended, or it was begun outside withTransaction)');
  const prisma = clients.get(pool);
  if (!prisma) throw new Error('prismaOf: this pool has no Prisma Client (create it with createDatabase)');
  return prisma;
}
