// The supersede migration repairs what earlier versions stored: a fingerprint
// firing twice in one service (a re-fired alert, a replayed notification) keeps
// only its newest firing occurrence; the others become superseded.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyTestDatabase, type TestDatabase } from '../../../../test/support/database';
import { migrate } from './migrate';

const migrations = join(dirname(fileURLToPath(import.meta.url)), '../../../../prisma/migrations');
const FIX = '20261207111350_supersede_duplicate_firing_alerts';
const quiet = { info: () => {} };

describe('the supersede migration', () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createEmptyTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'heinrich-supersede-'));
  });
  afterAll(async () => {
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the newest firing occurrence of each fingerprint and supersedes the others', async () => {
    for (const name of (await readdir(migrations)).filter((n) => /^\d{14}_/.test(n) && n < FIX)) {
      await cp(join(migrations, name), join(dir, name), { recursive: true });
    }
    await migrate({ databaseUrl: db.url, migrationsDir: dir, logger: quiet });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`
        INSERT INTO services (id, name, updated_at) VALUES ('00000000-0000-4000-8000-000000000001', 'Collector', now());
        INSERT INTO incidents (id, service_id, group_key_hash, open_group_key, group_key, title)
          VALUES ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', 'h', 'h', 'g', 'crash loops');
        INSERT INTO alerts (id, service_id, incident_id, fingerprint, starts_at, status) VALUES
          (gen_random_uuid(), '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000a1', 'pod-a', '2026-03-01T10:00:00Z', 'firing'),
          (gen_random_uuid(), '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000a1', 'pod-a', '2026-03-01T11:00:00Z', 'firing'),
          (gen_random_uuid(), '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000a1', 'pod-a', '2026-03-01T09:00:00Z', 'resolved'),
          (gen_random_uuid(), '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000a1', 'pod-b', '2026-03-01T10:00:00Z', 'firing');
      `);
      await cp(migrations, dir, { recursive: true });
      const { applied } = await migrate({ databaseUrl: db.url, migrationsDir: dir, logger: quiet });
      expect(applied).toContain(FIX);
      const rows = await client.query(`SELECT fingerprint, to_char(starts_at AT TIME ZONE 'UTC', 'HH24:MI') AS at, status::text FROM alerts ORDER BY fingerprint, starts_at`);
      expect(rows.rows).toEqual([
        { fingerprint: 'pod-a', at: '09:00', status: 'resolved' },
        { fingerprint: 'pod-a', at: '10:00', status: 'superseded' },
        { fingerprint: 'pod-a', at: '11:00', status: 'firing' },
        { fingerprint: 'pod-b', at: '10:00', status: 'firing' },
      ]);
    } finally {
      await client.end();
    }
  });
});
