import type pg from 'pg';

/**
 * Prisma Migrate's bookkeeping table, column for column (prisma-engines,
 * sql-schema-connector, postgres flavour), so `prisma migrate deploy` can take
 * over a database this runner migrated, and the other way round.
 */
const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationRow {
  id: string;
  checksum: string;
  migrationName: string;
  startedAt: Date;
  finishedAt: Date | null;
  rolledBackAt: Date | null;
  logs: string | null;
}

export async function ensureMigrationsTable(client: pg.ClientBase): Promise<void> {
  await client.query(CREATE_TABLE);
}

/** Every row, oldest first (a migration can have several: failed, rolled back, applied). */
export async function loadMigrationRows(client: pg.ClientBase): Promise<MigrationRow[]> {
  const { rows } = await client.query<MigrationRow>(
    `SELECT id, checksum, migration_name AS "migrationName", started_at AS "startedAt",
            finished_at AS "finishedAt", rolled_back_at AS "rolledBackAt", logs
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
  return rows;
}
