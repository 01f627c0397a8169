// `npm run migrate` as a process: exit codes and JSON log lines.
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyTestDatabase, type TestDatabase } from '../../../../test/support/database';

const here = dirname(fileURLToPath(import.meta.url));
const tsx = join(here, '../../../../node_modules/.bin/tsx');

function runMigrate(databaseUrl: string | undefined): Promise<{ code: number; lines: Record<string, unknown>[] }> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return new Promise((resolve) => {
    execFile(tsx, [join(here, 'main.ts')], { env }, (err, stdout) => {
      const lines = stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      resolve({ code: err ? Number(err.code ?? 1) : 0, lines });
    });
  });
}

describe('npm run migrate', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createEmptyTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('exits 1 with a clear message when DATABASE_URL is missing', async () => {
    const { code, lines } = await runMigrate(undefined);
    expect(code).toBe(1);
    expect(lines.at(-1)).toMatchObject({ level: 'error', msg: 'cannot migrate' });
    expect(String(lines.at(-1)?.reason)).toContain('DATABASE_URL is not set');
  });

  it('exits 1 naming the server when Postgres is unreachable, without echoing the password', async () => {
    const { code, lines } = await runMigrate('postgresql://someone:hunter2@127.0.0.1:1/nowhere');
    expect(code).toBe(1);
    expect(String(lines.at(-1)?.reason)).toContain('Postgres at 127.0.0.1:1/nowhere failed');
    expect(JSON.stringify(lines)).not.toContain('hunter2');
  });

  it('migrates, then finds nothing to do', async () => {
    const first = await runMigrate(db.url);
    expect(first.code).toBe(0);
    expect(first.lines.filter((l) => l.msg === 'applied migration').length).toBeGreaterThan(0);
    const second = await runMigrate(db.url);
    expect(second.code).toBe(0);
    expect(second.lines.at(-1)).toMatchObject({ msg: 'migrate finished', applied: [] });
  });
});
