import { createHash } from 'node:crypto';
import { findTransactionControl } from './find-transaction-control';
import { MigrationError } from './migration-error';
import type { MigrationRow } from './migrations-table';
import type { LocalMigration } from './read-migrations';

/**
 * Decides, without I/O, which local migrations still have to run, or refuses.
 * Rows with `rolled_back_at` set are history only (Prisma's semantics: the
 * migration counts as not applied and runs again). Refuses when
 * - a migration failed earlier and nobody has resolved it yet;
 * - an applied migration's file changed since (checksum mismatch);
 * - an applied migration is no longer in the folder;
 * - a pending migration controls transactions itself (see findTransactionControl).
 */
export function planMigrations(local: LocalMigration[], rows: MigrationRow[], dir: string): LocalMigration[] {
  const live = rows.filter((r) => r.rolledBackAt === null);
  const failed = live.find((r) => r.finishedAt === null);
  if (failed) {
    throw new MigrationError(
      `Cannot migrate: migration ${failed.migrationName} failed at ${failed.startedAt.toISOString()}` +
        (failed.logs ? ` (${failed.logs})` : '') +
        `. This runner applies each migration in one transaction, so the database is as it was before it.` +
        ` Fix ${failed.migrationName}/migration.sql, mark the attempt rolled back with` +
        ` \`npm run migrate -- --rolled-back ${failed.migrationName}\`, then migrate again.`,
      failed.migrationName,
    );
  }
  const byName = new Map(local.map((m) => [m.name, m]));
  for (const row of live) {
    const file = byName.get(row.migrationName);
    if (!file) {
      throw new MigrationError(
        `Cannot migrate: migration ${row.migrationName} is applied in the database but missing from ${dir}` +
          ` (restore it; applied migrations are never deleted or renamed)`,
        row.migrationName,
      );
    }
    if (!checksumMatches(file, row.checksum)) {
      throw new MigrationError(
        `Cannot migrate: migration ${row.migrationName} was changed after it was applied` +
          ` (checksum ${row.checksum} in the database, ${file.checksum} on disk).` +
          ` Restore the applied file and put the change in a new migration`,
        row.migrationName,
      );
    }
  }
  const applied = new Set(live.map((r) => r.migrationName));
  const pending = local.filter((m) => !applied.has(m.name));
  for (const m of pending) {
    const control = findTransactionControl(m.sql);
    if (control) {
      throw new MigrationError(
        `Cannot migrate: migration ${m.name} contains \`${control}\`; the runner already applies each` +
          ` migration in one transaction, so remove the transaction statements from the file`,
        m.name,
      );
    }
  }
  return pending;
}

/**
 * Like Prisma, a file that differs from the applied one only in line endings
 * (a CRLF checkout) still matches.
 */
function checksumMatches(file: LocalMigration, checksum: string): boolean {
  if (file.checksum === checksum) return true;
  const sql = file.sql;
  const variants = [sql, sql.replaceAll('\r\n', '\n'), sql.replaceAll('\r\n', '\n').replaceAll('\n', '\r\n')];
  return variants.some((v) => createHash('sha256').update(v, 'utf8').digest('hex') === checksum);
}
