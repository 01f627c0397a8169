import { cp, mkdtemp, readdir, rm, writeFile, appendFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmptyTestDatabase, type TestDatabase } from '../../../../test/support/database';
import { migrate } from './migrate';
import { MigrationError } from './migration-error';
import { resolveRolledBack } from './resolve-rolled-back';

const realMigrationsDir = join(dirname(fileURLToPath(import.meta.url)), '../../../../prisma/migrations');
const quiet = { info: () => {} };

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function tableExists(url: string, table: string): Promise<boolean> {
  const rows = await query<{ t: string | null }>(url, `SELECT to_regclass('public.${table}')::text AS t`);
  return rows[0]?.t != null;
}

async function migrationNames(dir: string): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** Adds `<dir>/<name>/migration.sql`. */
async function addMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(join(dir, name), { recursive: true });
  await writeFile(join(dir, name, 'migration.sql'), sql);
}

async function rejection(p: Promise<unknown>): Promise<MigrationError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof MigrationError)) throw new Error(`expected a MigrationError, got ${String(err)}`);
  return err;
}

describe('migrate', () => {
  let db: TestDatabase;
  let dir: string;
  const tmpDirs: string[] = [];

  beforeEach(async () => {
    db = await createEmptyTestDatabase();
    // a private copy of the real migrations, free to edit
    dir = await mkdtemp(join(tmpdir(), 'heinrich-migrations-'));
    tmpDirs.push(dir);
    await cp(realMigrationsDir, dir, { recursive: true });
  });
  afterEach(async () => {
    await db.drop();
  });
  afterAll(async () => {
    await Promise.all(tmpDirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('applies every migration once, in order; a second run is a no-op', async () => {
    const names = await migrationNames(realMigrationsDir);
    const first = await migrate({ databaseUrl: db.url, migrationsDir: realMigrationsDir, logger: quiet });
    expect(first.applied).toEqual(names);
    const second = await migrate({ databaseUrl: db.url, migrationsDir: realMigrationsDir, logger: quiet });
    expect(second.applied).toEqual([]);

    const rows = await query<{ migration_name: string; finished: boolean; applied_steps_count: number; checksum: string }>(
      db.url,
      `SELECT migration_name, finished_at IS NOT NULL AS finished, applied_steps_count, checksum
         FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const r of rows) {
      expect(r).toMatchObject({ finished: true, applied_steps_count: 1 });
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(await tableExists(db.url, 'incidents')).toBe(true);
  });

  it('records exactly the columns of Prisma Migrate\'s _prisma_migrations table', async () => {
    await migrate({ databaseUrl: db.url, migrationsDir: realMigrationsDir, logger: quiet });
    const columns = await query<{ column_name: string; data_type: string; is_nullable: string; len: number | null }>(
      db.url,
      `SELECT column_name, data_type, is_nullable, character_maximum_length AS len
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'character varying', is_nullable: 'NO', len: 36 },
      { column_name: 'checksum', data_type: 'character varying', is_nullable: 'NO', len: 64 },
      { column_name: 'finished_at', data_type: 'timestamp with time zone', is_nullable: 'YES', len: null },
      { column_name: 'migration_name', data_type: 'character varying', is_nullable: 'NO', len: 255 },
      { column_name: 'logs', data_type: 'text', is_nullable: 'YES', len: null },
      { column_name: 'rolled_back_at', data_type: 'timestamp with time zone', is_nullable: 'YES', len: null },
      { column_name: 'started_at', data_type: 'timestamp with time zone', is_nullable: 'NO', len: null },
      { column_name: 'applied_steps_count', data_type: 'integer', is_nullable: 'NO', len: null },
    ]);
  });

  it('refuses, naming it, when an applied migration was edited', async () => {
    await migrate({ databaseUrl: db.url, migrationsDir: dir, logger: quiet });
    const [first] = await migrationNames(dir);
    await appendFile(join(dir, first!, 'migration.sql'), '\nCREATE TABLE sneaked_in (id int);\n');
    await addMigration(dir, '29990101000000_later', 'CREATE TABLE later (id int);\n');

    const err = await rejection(migrate({ databaseUrl: db.url, migrationsDir: dir, logger: quiet }));
    expect(err.migrationName).toBe(first);
    expect(err.message).toContain(`migration ${first} was changed after it was applied`);
    // refused before applying anything
    expect(await tableExists(db.url, 'later')).toBe(false);
  });

  it('refuses when an applied migration is missing from the folder', async () => {
    await addMigration(dir, '29990101000000_extra', 'CREATE TABLE extra (id int);\n');
    await migrate({ databaseUrl: db.url, migrationsDir: dir, logger: quiet });
    await rm(join(dir, '29990101000000_extra'), { recursive: true });

    const err = await rejection(migrate({ databaseUrl: db.url, migrationsDir: dir, logger: quiet }));
    expect(err.message).toContain('migration 29990101000000_extra is applied in the database but missing');
  });

  it('two runs started together apply each migration exactly once, and both succeed', async () => {
    // a slow second migration keeps the first runner busy while the other one arrives
    await addMigration(dir, '29990101000000_slow', 'SELECT pg_sleep(0.3);\nCREATE TABLE slow (id int);\n');
    const names = await migrationNames(dir);

    const [a, b] = await Promise.all([
      migrate({ databaseUrl: db.url, migrationsDir: dir, logger: quiet }),
      migrate({ databaseUrl: db.url, migrationsDir: dir, logger: quiet }),
    ]);

    expect([...a.applied, ...b.applied].sort()).toEqual(names);
    const rows = await query<{ migration_name: string; n: number }>(
      db.url,
      'SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY migration_name ORDER BY migration_name',
    );
    expect(rows).toEqual(names.map((migration_name) => ({ migration_name, n: 1 })));
  });

  it('a failing migration leaves the database unchanged; later runs refuse until it is fixed and resolved', async () => {
    const broken = '29990101000000_broken';
    await addMigration(dir, broken, 'CREATE TABLE half_done (id int);\nINSERT INTO no_such_table VALUES (1);\n');

    const failed = await rejection(migrate({ databaseUrl: db.url, migrationsDir: dir, logger: quiet }));
    expect(failed.migrationName).toBe(broken);
    expect(failed.message).toContain('no_such_table');
    // the earlier migrations are committed, nothing of the broken one is
    expect(await tableExists(db.url, 'incidents')).toBe(true);
    expect(await tableExists(db.url, 'half_done')).toBe(false);
    const [attempt] = await query<{ finished_at: Date | null; logs: string }>(
      db.url,
      `SELECT finished_at, logs FROM _prisma_migrations WHERE migration_name = '${broken}'`,
    );
    expect(attempt?.finished_at).toBeNull();
    expect(attempt?.logs).toContain('no_such_table');

    // fixing the file is not enough: someone has to say the failed attempt is dealt with
    await writeFile(join(dir, broken, 'migration.sql'), 'CREATE TABLE half_done (id int);\n');
    const refused = await rejection(migrate({ databaseUrl: db.url, migrationsDir: dir, logger: quiet }));
    expect(refused.migrationName).toBe(broken);
    expect(refused.message).toContain(`migration ${broken} failed`);
    expect(await tableExists(db.url, 'half_done')).toBe(false);

    await resolveRolledBack({ databaseUrl: db.url, migrationName: broken });
    const fixed = await migrate({ databaseUrl: db.url, migrationsDir: dir, logger: quiet });
    expect(fixed.applied).toEqual([broken]);
    expect(await tableExists(db.url, 'half_done')).toBe(true);
    const history = await query<{ finished: boolean; rolled_back: boolean }>(
      db.url,
      `SELECT finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
         FROM _prisma_migrations WHERE migration_name = '${broken}' ORDER BY started_at`,
    );
    expect(history).toEqual([
      { finished: false, rolled_back: true },
      { finished: true, rolled_back: false },
    ]);
  });
});
