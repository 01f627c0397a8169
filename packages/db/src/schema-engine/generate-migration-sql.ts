import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../migrate/migrate';
import { diffDatabaseToSchema, type SchemaDiff, type SchemaFile } from './diff-database-to-schema';

export interface GenerateMigrationSqlOptions {
  /** A connection that may CREATE/DROP DATABASE; its own database is not touched. */
  adminUrl: string;
  migrationsDir: string;
  schema: SchemaFile;
}

/**
 * The SQL of the next migration: what takes a database migrated with every
 * migration in `migrationsDir` to `schema`. Works on a scratch database
 * (created, migrated with our runner, diffed, always dropped), so it needs no
 * shadow database, no native engine and no network. `empty` means no changes.
 */
export async function generateMigrationSql(opts: GenerateMigrationSqlOptions): Promise<SchemaDiff> {
  const name = `heinrich_scratch_${randomBytes(6).toString('hex')}`;
  const scratchUrl = new URL(opts.adminUrl);
  scratchUrl.pathname = `/${name}`;
  await admin(opts.adminUrl, `CREATE DATABASE "${name}"`);
  try {
    await migrate({ databaseUrl: scratchUrl.toString(), migrationsDir: opts.migrationsDir, logger: { info: () => {} } });
    const diff = await diffDatabaseToSchema({ databaseUrl: scratchUrl.toString(), schema: opts.schema });
    return diff.empty ? diff : { empty: false, sql: stripTransactionLines(diff.sql) };
  } finally {
    await admin(opts.adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

/**
 * The engine wraps enum rewrites in `BEGIN;` ... `COMMIT;` (Prisma runs scripts
 * without a transaction of its own). Our runner already runs the whole file in
 * one transaction, and refuses files that end it early, so drop those lines.
 */
function stripTransactionLines(sql: string): string {
  return sql.replace(/^(BEGIN|COMMIT);\r?\n/gm, '');
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}
