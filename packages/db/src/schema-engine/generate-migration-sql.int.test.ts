import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrate } from '../migrate/migrate';
import { createEmptyTestDatabase } from '../../../../test/support/database';
import { generateMigrationSql } from './generate-migration-sql';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const quiet = { info: () => {} };

describe('generateMigrationSql', () => {
  let dir: string;
  let schema: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'heinrich-migrations-'));
    await cp(join(root, 'prisma/migrations'), dir, { recursive: true });
    schema = await readFile(join(root, 'prisma/schema.prisma'), 'utf8');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const generate = (content: string) =>
    generateMigrationSql({ adminUrl: inject('heinrichAdminDatabaseUrl'), migrationsDir: dir, schema: { path: 'schema.prisma', content } });

  it('says there is nothing to do when the migrations already produce the schema', async () => {
    expect(await generate(schema)).toEqual({ empty: true, sql: '' });
  });

  it('writes SQL that, once added as a migration, brings the history level with the schema', async () => {
    // an added column and a removed enum value: the engine wraps the enum rewrite
    // in BEGIN/COMMIT, which must be stripped for our one-transaction runner
    const changed = schema
      .replace(/^model Team \{\n/m, 'model Team {\n  slackChannel String? @map("slack_channel")\n')
      .replace(/^(enum IntegrationType \{\n\s+alertmanager\n)\s+events\n/m, '$1');
    expect(changed).not.toBe(schema);
    expect(changed).not.toMatch(/enum IntegrationType \{\n\s+alertmanager\n\s+events/);

    const next = await generate(changed);
    expect(next.empty).toBe(false);
    expect(next.sql).toContain('"slack_channel"');
    expect(next.sql).toContain('"integration_type_new"');
    expect(next.sql).not.toMatch(/^(BEGIN|COMMIT);/m);

    await mkdir(join(dir, '29990101000000_next'));
    await writeFile(join(dir, '29990101000000_next', 'migration.sql'), next.sql);
    expect(await generate(changed)).toEqual({ empty: true, sql: '' });

    // and our runner applies it to a real database
    const db = await createEmptyTestDatabase();
    try {
      const { applied } = await migrate({ databaseUrl: db.url, migrationsDir: dir, logger: quiet });
      expect(applied).toContain('29990101000000_next');
    } finally {
      await db.drop();
    }
  });
});
