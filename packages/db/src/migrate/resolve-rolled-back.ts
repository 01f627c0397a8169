import pg from 'pg';
import { MigrationError } from './migration-error';
import { ensureMigrationsTable } from './migrations-table';

/**
 * Marks the failed attempt(s) of `migrationName` as rolled back, like
 * `prisma migrate resolve --rolled-back`, so the next `migrate` runs the (fixed)
 * file again. Only failed, unresolved attempts are touched: an applied migration
 * cannot be "rolled back" this way.
 */
export async function resolveRolledBack(opts: { databaseUrl: string; migrationName: string }): Promise<void> {
  const client = new pg.Client({
    connectionString: opts.databaseUrl,
    application_name: 'heinrich-migrate',
    connectionTimeoutMillis: 10_000,
  });
  await client.connect();
  client.on('error', () => {});
  try {
    await ensureMigrationsTable(client);
    const { rowCount } = await client.query(
      `UPDATE "_prisma_migrations" SET rolled_back_at = now()
        WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL`,
      [opts.migrationName],
    );
    if (!rowCount) {
      throw new MigrationError(
        `Cannot mark migration ${opts.migrationName} rolled back: it has no failed, unresolved attempt`,
        opts.migrationName,
      );
    }
  } finally {
    await client.end().catch(() => {});
  }
}
