// vitest globalSetup of the `integration` project (vitest.config.ts): checks the
// services once, then builds ONE migrated template database per run; every test
// database is a cheap `CREATE DATABASE ... TEMPLATE` copy of it (test/support/database.ts).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../packages/db/src/migrate/migrate';
import { checkServices } from './check-services';
import { dropStaleTestDatabases, holdRunLock } from './drop-stale-test-databases';
import './provided-context';
import { databaseUrlFor, testAdminDatabaseUrl, testRedisUrl } from './service-urls';
import { withPgClient } from './with-pg-client';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), '../../prisma/migrations');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = testAdminDatabaseUrl();
  const redisUrl = testRedisUrl();
  await checkServices({ databaseUrl: adminUrl, redisUrl });

  // the pid keeps concurrent runs (several developers, one Postgres) apart
  const template = `heinrich_tmpl_${process.pid}`;
  const testPrefix = `heinrich_t_${process.pid}_`;
  const runLock = await holdRunLock(adminUrl, process.pid);
  try {
    await withPgClient(adminUrl, async (admin) => {
      await dropStaleTestDatabases(admin);
      await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${template}"`);
    });
    await migrate({ databaseUrl: databaseUrlFor(adminUrl, template), migrationsDir, logger: { info: () => {} } });
    // nobody may connect to the template: a stray session would make every clone fail
    await withPgClient(adminUrl, (admin) => admin.query(`ALTER DATABASE "${template}" WITH ALLOW_CONNECTIONS false`));
  } catch (err) {
    await runLock.end();
    throw err;
  }

  project.provide('heinrichAdminDatabaseUrl', adminUrl);
  project.provide('heinrichTemplateDatabase', template);
  project.provide('heinrichTestDatabasePrefix', testPrefix);
  project.provide('heinrichRedisUrl', redisUrl);

  return async () => {
    await withPgClient(adminUrl, async (admin) => {
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $2)`,
        [template, testPrefix],
      );
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    });
    await runLock.end();
  };
}
