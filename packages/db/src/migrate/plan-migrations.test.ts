import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MigrationError } from './migration-error';
import type { MigrationRow } from './migrations-table';
import { planMigrations } from './plan-migrations';
import type { LocalMigration } from './read-migrations';

const local = (name: string, sql = `CREATE TABLE "${name}" (id int);\n`): LocalMigration => ({
  name,
  sql,
  checksum: createHash('sha256').update(sql).digest('hex'),
});

const row = (m: LocalMigration, over: Partial<MigrationRow> = {}): MigrationRow => ({
  id: `id-${m.name}`,
  checksum: m.checksum,
  migrationName: m.name,
  startedAt: new Date('2026-11-28T20:00:00Z'),
  finishedAt: new Date('2026-11-28T20:00:01Z'),
  rolledBackAt: null,
  logs: null,
  ...over,
});

const a = local('20260101000000_a');
const b = local('20260102000000_b');

function refusal(fn: () => unknown): MigrationError {
  try {
    fn();
  } catch (err) {
    if (err instanceof MigrationError) return err;
    throw err;
  }
  throw new Error('expected a MigrationError');
}

describe('planMigrations', () => {
  it('returns the migrations not applied yet, in folder order', () => {
    expect(planMigrations([a, b], [row(a)], 'dir').map((m) => m.name)).toEqual([b.name]);
    expect(planMigrations([a, b], [row(a), row(b)], 'dir')).toEqual([]);
  });

  it('refuses an applied migration whose file changed, naming it', () => {
    const edited = { ...local(a.name, 'CREATE TABLE x (id bigint);\n') };
    const err = refusal(() => planMigrations([edited, b], [row(a)], 'dir'));
    expect(err.migrationName).toBe(a.name);
    expect(err.message).toContain('changed after it was applied');
  });

  it('accepts an applied file that differs only in line endings (CRLF checkout)', () => {
    const crlf = local(a.name, a.sql.replaceAll('\n', '\r\n'));
    expect(planMigrations([crlf], [row(a)], 'dir')).toEqual([]);
  });

  it('refuses when an applied migration is missing from the folder', () => {
    const err = refusal(() => planMigrations([b], [row(a)], 'prisma/migrations'));
    expect(err.migrationName).toBe(a.name);
    expect(err.message).toContain('missing from prisma/migrations');
  });

  it('refuses while a failed attempt is unresolved, and runs it again once rolled back', () => {
    const failed = row(a, { finishedAt: null, logs: 'syntax error' });
    expect(refusal(() => planMigrations([a], [failed], 'dir')).message).toContain(`--rolled-back ${a.name}`);
    const resolved = { ...failed, rolledBackAt: new Date('2026-11-28T20:05:00Z') };
    expect(planMigrations([a], [resolved], 'dir').map((m) => m.name)).toEqual([a.name]);
  });

  it('refuses a pending migration that ends the transaction itself', () => {
    const bad = local('20260103000000_c', 'BEGIN;\nCREATE TABLE c (id int);\nCOMMIT;\n');
    expect(refusal(() => planMigrations([a, bad], [row(a)], 'dir')).migrationName).toBe(bad.name);
  });
});
