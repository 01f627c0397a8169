// The identity migration keeps the data it converts: team members' roles (text
// before, the team_role enum after) and users' emails (lower-cased from then on).
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyTestDatabase, type TestDatabase } from '../../../../test/support/database';
import { migrate } from './migrate';

const migrations = join(dirname(fileURLToPath(import.meta.url)), '../../../../prisma/migrations');
const quiet = { info: () => {} };

describe('the identity migration', () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createEmptyTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'heinrich-identity-'));
  });
  afterAll(async () => {
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('converts existing team roles in place and lower-cases emails', async () => {
    await cp(join(migrations, '20261128200000_init'), join(dir, '20261128200000_init'), { recursive: true });
    await migrate({ databaseUrl: db.url, migrationsDir: dir, logger: quiet });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`
        INSERT INTO teams (id, name, updated_at) VALUES ('00000000-0000-4000-8000-000000000001', 'SRE', now());
        INSERT INTO users (id, name, email, updated_at) VALUES
          ('00000000-0000-4000-8000-00000000000a', 'Alice', ' Alice@Example.COM', now()),
          ('00000000-0000-4000-8000-00000000000b', 'Bob', 'bob@example.com', now());
        INSERT INTO team_members (team_id, user_id, role) VALUES
          ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-00000000000a', 'lead'),
          ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-00000000000b', 'responder');
      `);
      await cp(migrations, dir, { recursive: true });
      const { applied } = await migrate({ databaseUrl: db.url, migrationsDir: dir, logger: quiet });
      expect(applied).toContain('20261128210302_identity');
      const members = await client.query(`SELECT u.name, m.role::text AS role, pg_typeof(m.role)::text AS type FROM team_members m JOIN users u ON u.id = m.user_id ORDER BY u.name`);
      expect(members.rows).toEqual([
        { name: 'Alice', role: 'lead', type: 'team_role' },
        { name: 'Bob', role: 'responder', type: 'team_role' },
      ]);
      const users = await client.query(`SELECT email, role::text AS role, password_hash FROM users ORDER BY name`);
      expect(users.rows).toEqual([
        { email: 'alice@example.com', role: 'user', password_hash: null },
        { email: 'bob@example.com', role: 'user', password_hash: null },
      ]);
    } finally {
      await client.end();
    }
  });
});
