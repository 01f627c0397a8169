import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { MigrationError } from './migration-error';
import { ensureMigrationsTable, loadMigrationRows } from './migrations-table';
import { planMigrations } from './plan-migrations';
import { readMigrations, type LocalMigration } from './read-migrations';

/** The key Prisma Migrate locks on Postgres, so our runner and `prisma migrate` exclude each other too. */
export const MIGRATION_LOCK_KEY = 72707369;

/** What the runner logs through; a pino logger fits. */
export interface MigrateLogger {
  info(fields: object, msg: string): void;
}

export interface MigrateOptions {
  databaseUrl: string;
  /** Prisma's layout: `<dir>/<timestamp>_<name>/migration.sql`. */
  migrationsDir: string;
  logger: MigrateLogger;
}

/**
 * Applies the pending migrations in lexical order, each in its own transaction,
 * recording them in `_prisma_migrations`. Holds a session-level advisory lock the
 * whole time, so replicas starting together apply each migration once: the
 * second waits, then finds nothing left to do. Throws `MigrationError` (and
 * applies nothing) when the history does not match the folder.
 * Returns the names it applied; `[]` means the database was up to date.
 */
export async function migrate(opts: MigrateOptions): Promise<{ applied: string[] }> {
  const local = await readMigrations(opts.migrationsDir);
  const client = new pg.Client({
    connectionString: opts.databaseUrl,
    application_name: 'heinrich-migrate',
    connectionTimeoutMillis: 10_000,
  });
  await client.connect();
  // a dropped connection must reject the pending query, not crash the process
  client.on('error', () => {});
  try {
    await acquireLock(client, opts.logger);
    await ensureMigrationsTable(client);
    const pending = planMigrations(local, await loadMigrationRows(client), opts.migrationsDir);
    const applied: string[] = [];
    for (const migration of pending) {
      await applyOne(client, migration, opts.logger);
      applied.push(migration.name);
    }
    opts.logger.info({ applied: applied.length, total: local.length }, 'migrations up to date');
    return { applied };
  } finally {
    // ending the session releases the advisory lock even if the unlock is never sent
    await client.end().catch(() => {});
  }
}

async function acquireLock(client: pg.Client, logger: MigrateLogger): Promise<void> {
  const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [MIGRATION_LOCK_KEY]);
  if (rows[0]?.ok) return;
  logger.info({ lockKey: MIGRATION_LOCK_KEY }, 'waiting for the migration lock held by another process');
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
}

async function applyOne(client: pg.Client, migration: LocalMigration, logger: MigrateLogger): Promise<void> {
  const id = randomUUID();
  logger.info({ migration: migration.name }, 'applying migration');
  try {
    await client.query('BEGIN');
    // no parameters: the simple query protocol runs the whole multi-statement file
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [id, migration.checksum, migration.name],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    const reason = err instanceof Error ? err.message : String(err);
    // recorded outside the rolled-back transaction so later runs refuse until a person resolves it
    await client
      .query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, applied_steps_count)
         VALUES ($1, $2, $3, $4, 0)`,
        [id, migration.checksum, migration.name, reason],
      )
      .catch(() => {});
    throw new MigrationError(
      `Migration ${migration.name} failed and was rolled back: ${reason}`,
      migration.name,
      { cause: err },
    );
  }
  logger.info({ migration: migration.name }, 'applied migration');
}
