import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './database';
import { testRedisUrl, uniquePrefix } from './redis';
import { withPgClient } from './with-pg-client';

describe('createTestDatabase', () => {
  const created: TestDatabase[] = [];
  afterAll(async () => {
    await Promise.all(created.map((db) => db.drop()));
  });

  it('gives each caller its own migrated database, also when called concurrently', async () => {
    const dbs = await Promise.all([createTestDatabase(), createTestDatabase(), createTestDatabase()]);
    created.push(...dbs);
    expect(new Set(dbs.map((d) => d.name)).size).toBe(3);
    for (const db of dbs) {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations');
        expect(rows.length).toBeGreaterThan(0);
        await client.query('SELECT count(*) FROM incidents');
      } finally {
        await client.end();
      }
    }
  });

  it('drop() removes the database even with a connection still open', async () => {
    const db = await createTestDatabase();
    const client = new pg.Client({ connectionString: db.url });
    client.on('error', () => {});
    await client.connect();
    await db.drop();
    await client.end().catch(() => {});
    const { rowCount } = await withPgClient(inject('heinrichAdminDatabaseUrl'), (admin) =>
      admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db.name]),
    );
    expect(rowCount).toBe(0);
  });
});

describe('redis helpers', () => {
  it('uniquePrefix is BullMQ-safe and unique', () => {
    const a = uniquePrefix('escalate: queue/1');
    const b = uniquePrefix('escalate: queue/1');
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(testRedisUrl()).toMatch(/^rediss?:\/\//);
  });
});
