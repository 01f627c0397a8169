// The committed migrations must produce exactly prisma/schema.prisma. If this
// fails, schema.prisma changed without a migration: run
// `npm run migration:new -- <name>` and commit the SQL it writes.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database';
import { diffDatabaseToSchema } from '../schema-engine/diff-database-to-schema';

const schemaPath = join(dirname(fileURLToPath(import.meta.url)), '../../../../prisma/schema.prisma');

describe('schema drift', () => {
  let db: TestDatabase;
  let tmp: string;
  beforeAll(async () => {
    // a copy of the template, which global setup migrated with our runner
    db = await createTestDatabase();
    tmp = await mkdtemp(join(tmpdir(), 'heinrich-schema-'));
  });
  afterAll(async () => {
    await db?.drop();
    await rm(tmp, { recursive: true, force: true });
  });

  it('a freshly migrated database matches prisma/schema.prisma exactly', async () => {
    const schema = { path: 'schema.prisma', content: await readFile(schemaPath, 'utf8') };
    const diff = await diffDatabaseToSchema({ databaseUrl: db.url, schema });
    expect(diff.sql, 'schema.prisma differs from the migrations; run `npm run migration:new -- <name>`').toBe('');
    expect(diff.empty).toBe(true);
  });

  it('catches drift: a column added to a copy of the schema shows up in the diff', async () => {
    const original = await readFile(schemaPath, 'utf8');
    const changed = original.replace(/^model Team \{\n/m, 'model Team {\n  driftProbe String? @map("drift_probe_column")\n');
    expect(changed).not.toBe(original);
    const copy = join(tmp, 'schema.prisma');
    await writeFile(copy, changed);

    const diff = await diffDatabaseToSchema({ databaseUrl: db.url, schema: { path: copy, content: await readFile(copy, 'utf8') } });
    expect(diff.empty).toBe(false);
    expect(diff.sql).toContain('ALTER TABLE "teams" ADD COLUMN');
    expect(diff.sql).toContain('"drift_probe_column"');
  });
});
