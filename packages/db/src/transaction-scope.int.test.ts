// One transaction for Prisma Client and hand-written SQL: what runs inside
// withTransaction commits or rolls back together, Prisma's own $transaction
// nests as a savepoint, and a deadlock raised through Prisma is retried.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { createDatabase, type Database } from './create-database';
import { prismaOf } from './queryable';
import { withSharedSnapshot, withTransaction, type Tx } from './with-transaction';

describe('withTransaction with Prisma Client and SQL', () => {
  let testDb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = createDatabase({ url: testDb.url, poolSize: 4, applicationName: 'transaction-scope-test' });
  });
  afterAll(async () => {
    await db?.close();
    await testDb?.drop();
  });

  const teamNames = async () => (await db.pool.query<{ name: string }>('SELECT name FROM teams ORDER BY name')).rows.map((r) => r.name);

  it('commits Prisma writes and SQL writes together, and each sees the other before the commit', async () => {
    await withTransaction(db, async (tx) => {
      await prismaOf(tx).team.create({ data: { name: 'commit-prisma' } });
      const seen = await tx.query<{ n: string }>(`SELECT count(*)::text AS n FROM teams WHERE name = 'commit-prisma'`);
      expect(seen.rows[0]!.n).toBe('1');
      await tx.query(`INSERT INTO teams (id, name, updated_at) VALUES (gen_random_uuid(), 'commit-sql', now())`);
      expect(await prismaOf(tx).team.count({ where: { name: 'commit-sql' } })).toBe(1);
      // outside the transaction neither is visible yet (a connection of its own:
      // the pool itself, inside the callback, answers on the transaction)
      const other = new pg.Client({ connectionString: testDb.url });
      await other.connect();
      try {
        expect((await other.query(`SELECT 1 FROM teams WHERE name LIKE 'commit-%'`)).rowCount).toBe(0);
      } finally {
        await other.end();
      }
    });
    expect((await teamNames()).filter((n) => n.startsWith('commit-'))).toEqual(['commit-prisma', 'commit-sql']);
  });

  it('rolls both back when the callback throws', async () => {
    await expect(
      withTransaction(db, async (tx) => {
        await prismaOf(tx).team.create({ data: { name: 'rollback-prisma' } });
        await tx.query(`INSERT INTO teams (id, name, updated_at) VALUES (gen_random_uuid(), 'rollback-sql', now())`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await teamNames()).filter((n) => n.startsWith('rollback-'))).toEqual([]);
  });

  it("runs Prisma's $transaction and nested writes inside as savepoints: an inner failure undoes only the inner part", async () => {
    await withTransaction(db, async (tx) => {
      const prisma = prismaOf(tx);
      await prisma.team.create({ data: { name: 'outer' } });
      await expect(
        prisma.$transaction(async (inner) => {
          await inner.team.create({ data: { name: 'inner-undone' } });
          await inner.team.create({ data: { name: 'outer' } }); // unique violation
        }),
      ).rejects.toMatchObject({ code: 'P2002' });
      await prisma.$transaction([prisma.team.create({ data: { name: 'inner-kept' } })]);
      // the transaction is still usable after the inner failure
      expect((await tx.query('SELECT 1')).rowCount).toBe(1);
    });
    const names = await teamNames();
    expect(names).toContain('outer');
    expect(names).toContain('inner-kept');
    expect(names).not.toContain('inner-undone');
  });

  it('retries the whole transaction after a deadlock raised through Prisma', async () => {
    const [a, b] = await Promise.all(['deadlock-a', 'deadlock-b'].map((name) => db.prisma.team.create({ data: { name } })));
    let attempts = 0;
    let bothLocked!: () => void;
    const firstLocks = new Promise<void>((resolve) => {
      let count = 0;
      bothLocked = () => {
        if (++count === 2) resolve();
      };
    });
    const crossUpdate = (first: string, second: string) =>
      withTransaction(db, async (tx: Tx) => {
        attempts++;
        const prisma = prismaOf(tx);
        await prisma.team.update({ where: { id: first }, data: { name: `${first}-1` } });
        if (attempts <= 2) {
          bothLocked();
          await firstLocks;
        }
        await prisma.team.update({ where: { id: second }, data: { name: `${second}-2` } });
      });
    await Promise.all([crossUpdate(a!.id, b!.id), crossUpdate(b!.id, a!.id)]);
    expect(attempts).toBeGreaterThanOrEqual(3);
  });

  it('refuses Prisma on a transaction that has ended, rather than autocommitting', async () => {
    let kept: Tx | undefined;
    await withTransaction(db, async (tx) => {
      kept = tx;
    });
    expect(() => prismaOf(kept!)).toThrow(/not the one running here/);
  });

  it('leaves Prisma calls outside any transaction on pooled connections', async () => {
    const counts = await Promise.all(Array.from({ length: 8 }, () => db.prisma.team.count()));
    expect(new Set(counts).size).toBe(1);
  });

  // hi: the reads of insights (packages/usecases/src/insights/get-insights.ts)
  it('readOnlySnapshot: one snapshot for every statement, writes refused; jit: false turns JIT off in it', async () => {
    const seen = await withTransaction(
      db,
      async (tx) => {
        const settings = await tx.query<{ jit: string; iso: string; ro: string }>(
          `SELECT current_setting('jit') AS jit, current_setting('transaction_isolation') AS iso, current_setting('transaction_read_only') AS ro`,
        );
        const before = (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM teams')).rows[0]!.n;
        // committed meanwhile on another connection: not seen in this snapshot
        const other = new pg.Client({ connectionString: testDb.url });
        await other.connect();
        await other.query(`INSERT INTO teams (id, name, updated_at) VALUES (gen_random_uuid(), 'snapshot-later', now())`);
        await other.end();
        const after = (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM teams')).rows[0]!.n;
        await expect(tx.query(`INSERT INTO teams (id, name, updated_at) VALUES (gen_random_uuid(), 'snapshot-write', now())`)).rejects.toThrow(/read-only/);
        return { ...settings.rows[0]!, before, after };
      },
      { readOnlySnapshot: true, jit: false, attempts: 1 },
    );
    expect(seen).toMatchObject({ jit: 'off', iso: 'repeatable read', ro: 'on' });
    expect(seen.after).toBe(seen.before);
  });

  it('withSharedSnapshot: both transactions read the snapshot the first took, in parallel; a bad snapshot id is refused', async () => {
    const count = async (tx: Tx) => (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM teams')).rows[0]!.n;
    const other = new pg.Client({ connectionString: testDb.url });
    await other.connect();
    let committed!: () => void;
    const later = new Promise<void>((resolve) => {
      committed = resolve;
    });
    const [a, b] = await withSharedSnapshot(
      db.pool,
      async (tx) => {
        const n = await count(tx); // the snapshot is taken (and exported) before this
        await other.query(`INSERT INTO teams (id, name, updated_at) VALUES (gen_random_uuid(), 'after-export', now())`);
        committed();
        return { n, pid: (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid };
      },
      async (tx) => {
        await later; // committed before the second's first statement: not seen in the shared snapshot
        return {
          n: await count(tx),
          pid: (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid,
          iso: (await tx.query<{ iso: string }>(`SELECT current_setting('transaction_isolation') AS iso`)).rows[0]!.iso,
        };
      },
      { jit: false },
    );
    await other.end();
    expect(b.n).toBe(a.n);
    expect(b.pid).not.toBe(a.pid);
    expect(b.iso).toBe('repeatable read');
    expect(await count(db.pool as unknown as Tx)).toBe(a.n + 1);
    // a pool of one connection: the first cannot wait for the second, which then reads a snapshot of its own
    const single = createDatabase({ url: testDb.url, poolSize: 1, applicationName: 'transaction-scope-test-1' });
    try {
      expect(await withSharedSnapshot(single.pool, count, count)).toEqual([a.n + 1, a.n + 1]);
    } finally {
      await single.close();
    }
    // a failure on either side is the call's, and does not leave the other waiting
    await expect(withSharedSnapshot(db.pool, async () => Promise.reject(new Error('first failed')), count)).rejects.toThrow('first failed');
    await expect(withSharedSnapshot(db.pool, count, async () => Promise.reject(new Error('second failed')))).rejects.toThrow('second failed');
    await expect(withTransaction(db, async (tx) => count(tx), { readOnlySnapshot: true, snapshot: "x'; DROP TABLE teams; --" })).rejects.toThrow(/snapshot/);
    await expect(withTransaction(db, async (tx) => count(tx), { snapshot: '00000003-0000001B-1' })).rejects.toThrow(/readOnlySnapshot/);
  });
});
