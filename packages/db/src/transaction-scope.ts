import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

/**
 * The transaction a piece of code runs in, kept per async call chain: inside
 * `withTransaction`, Prisma's queries on a RoutedPool go to the transaction's
 * connection instead of a pooled one, so Prisma Client calls and hand-written
 * SQL commit or roll back together (docs/architecture.md, "Data access").
 */
interface TransactionScope {
  pool: pg.Pool;
  client: pg.PoolClient;
  savepoints: number;
}

const scope = new AsyncLocalStorage<TransactionScope>();

/** Runs `fn` with `client` (in a transaction begun on `pool`) as the connection Prisma uses for `pool`. */
export function runInTransactionScope<T>(pool: pg.Pool, client: pg.PoolClient, fn: () => Promise<T>): Promise<T> {
  return scope.run({ pool, client, savepoints: 0 }, fn);
}

/** The pool whose transaction `client` is, when called inside that transaction's scope. */
export function poolOfTransaction(client: pg.PoolClient): pg.Pool | undefined {
  const current = scope.getStore();
  return current?.client === client ? current.pool : undefined;
}

type QueryArgs = Parameters<pg.PoolClient['query']>;

/** The text of a query given as a string or a config object. */
function queryText(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && typeof (arg as { text?: unknown }).text === 'string') return (arg as { text: string }).text;
  return undefined;
}

function withText(arg: unknown, text: string): unknown {
  return typeof arg === 'string' ? text : { ...(arg as object), text };
}

/**
 * What Prisma gets from `connect()` inside a transaction scope: the scope's
 * own connection, on which Prisma's BEGIN / COMMIT / ROLLBACK (its
 * `$transaction`, or a nested write's implicit transaction) become a
 * savepoint, its release and a rollback to it. Releasing it does nothing:
 * the connection belongs to `withTransaction`.
 */
function savepointClient(current: TransactionScope): pg.PoolClient {
  const names: string[] = [];
  const client = current.client;
  const query = (...args: unknown[]): unknown => {
    const text = queryText(args[0])?.trim().toUpperCase();
    let mapped = args[0];
    if (text === 'BEGIN') {
      const name = `heinrich_savepoint_${++current.savepoints}`;
      names.push(name);
      mapped = withText(args[0], `SAVEPOINT ${name}`);
    } else if (text === 'COMMIT' || text === 'ROLLBACK') {
      const name = names.pop();
      if (name) mapped = withText(args[0], text === 'COMMIT' ? `RELEASE SAVEPOINT ${name}` : `ROLLBACK TO SAVEPOINT ${name}`);
    }
    return (client.query as (...a: unknown[]) => unknown).apply(client, [mapped, ...args.slice(1)]);
  };
  const wrapper = {
    query,
    release() {},
    on() {
      return wrapper;
    },
    once() {
      return wrapper;
    },
    removeListener() {
      return wrapper;
    },
    off() {
      return wrapper;
    },
  };
  return wrapper as unknown as pg.PoolClient;
}

/**
 * A pg.Pool that, inside a transaction scope begun on it, answers `query` on
 * the scope's connection and `connect` with a savepoint client of it. Outside
 * one, it is a plain pool. (It must be a pg.Pool: @prisma/adapter-pg uses an
 * object as a pool only when it is one.)
 */
export class RoutedPool extends pg.Pool {
  constructor(config?: pg.PoolConfig) {
    super(config);
    const plainQuery = this.query.bind(this) as (...a: unknown[]) => unknown;
    const plainConnect = this.connect.bind(this) as (...a: unknown[]) => unknown;
    const mine = (): TransactionScope | undefined => {
      const current = scope.getStore();
      return current?.pool === this ? current : undefined;
    };
    // assigned rather than overridden: pg's overloads can't be restated in a subclass
    this.query = ((...args: QueryArgs) => {
      const current = mine();
      return current ? (current.client.query as (...a: unknown[]) => unknown).apply(current.client, args) : plainQuery(...args);
    }) as pg.Pool['query'];
    this.connect = ((...args: unknown[]) => {
      const current = mine();
      if (!current) return plainConnect(...args);
      const client = savepointClient(current);
      const callback = args[0];
      if (typeof callback === 'function') {
        (callback as (err: undefined, c: pg.PoolClient, done: () => void) => void)(undefined, client, () => {});
        return undefined;
      }
      return Promise.resolve(client);
    }) as pg.Pool['connect'];
  }
}
