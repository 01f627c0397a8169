// `npm run migrate`: applies prisma/migrations to DATABASE_URL with our plain-SQL
// runner (docs/development.md, "Database migrations").
// `npm run migrate -- --rolled-back <name>` marks a failed migration resolved
// (after fixing its file), like `prisma migrate resolve --rolled-back`.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@heinrich/config/logger';
import { migrate } from './migrate';
import { MigrationError } from './migration-error';
import { resolveRolledBack } from './resolve-rolled-back';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), '../../../../prisma/migrations');
const logger = createLogger({ name: 'migrate', level: process.env.LOG_LEVEL ?? 'info' });

async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    logger.error({ reason: 'DATABASE_URL is not set; set it to the Postgres URL to migrate, e.g. postgresql://postgres@127.0.0.1:5432/heinrich' }, 'cannot migrate');
    return 1;
  }
  const args = process.argv.slice(2);
  try {
    if (args[0] === '--rolled-back') {
      const migrationName = args[1];
      if (!migrationName) {
        logger.error({ reason: 'usage: npm run migrate -- --rolled-back <migration_name>' }, 'cannot migrate');
        return 1;
      }
      await resolveRolledBack({ databaseUrl, migrationName });
      logger.info({ migration: migrationName }, 'marked failed migration as rolled back');
      return 0;
    }
    if (args.length > 0) {
      logger.error({ reason: `unknown arguments: ${args.join(' ')}` }, 'cannot migrate');
      return 1;
    }
    const { applied } = await migrate({ databaseUrl, migrationsDir, logger });
    logger.info({ applied }, 'migrate finished');
    return 0;
  } catch (err) {
    if (err instanceof MigrationError) {
      logger.error({ migration: err.migrationName, reason: err.message }, 'cannot migrate');
    } else {
      logger.error({ reason: describeConnectionError(err, databaseUrl) }, 'cannot migrate');
    }
    return 1;
  }
}

/** Says which server failed without echoing the URL's password. */
function describeConnectionError(err: unknown, databaseUrl: string): string {
  const syscall = (err as { syscall?: string }).syscall;
  // a file-system error (unreadable migrations folder) is not about Postgres
  if (syscall && syscall !== 'connect' && syscall !== 'getaddrinfo') return err instanceof Error ? err.message : String(err);
  let where = 'the DATABASE_URL server';
  try {
    const u = new URL(databaseUrl);
    where = `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    // not a URL: keep the generic wording
  }
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  return `Postgres at ${where} failed: ${code ? `${code} ` : ''}${message}`;
}

process.exitCode = await main();
