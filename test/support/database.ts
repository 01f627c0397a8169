import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { inject } from 'vitest';
import './provided-context';
import { databaseUrlFor } from './service-urls';
import { withPgClient } from './with-pg-client';

export interface TestDatabase {
  url: string;
  name: string;
  /** Drops the database, closing any connection still open (WITH (FORCE)). */
  drop(): Promise<void>;
}

/**
 * A fresh, fully migrated database of its own, copied from the run's template
 * (test/support/global-setup.ts): a file-level copy, much faster than migrating.
 * Call `drop()` in afterAll; the global teardown drops whatever is left.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('heinrichAdminDatabaseUrl');
  const template = inject('heinrichTemplateDatabase');
  const name = `${inject('heinrichTestDatabasePrefix')}${randomBytes(6).toString('hex')}`;
  await withPgClient(adminUrl, (admin) => createFromTemplate(admin, name, template));
  return {
    name,
    url: databaseUrlFor(adminUrl, name),
    drop: () => withPgClient(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

/** An empty database (no tables, no `_prisma_migrations`), for tests of the migration runner itself. */
export async function createEmptyTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('heinrichAdminDatabaseUrl');
  const name = `${inject('heinrichTestDatabasePrefix')}${randomBytes(6).toString('hex')}`;
  await withPgClient(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: databaseUrlFor(adminUrl, name),
    drop: () => withPgClient(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

async function createFromTemplate(admin: pg.ClientBase, name: string, template: string): Promise<void> {
  // 55006 "source database is being accessed by other users": only a transient
  // connection can cause it (the template refuses connections), so retry briefly
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || attempt >= 10) throw err;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}
