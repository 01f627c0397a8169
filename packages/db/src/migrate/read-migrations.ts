import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MigrationError } from './migration-error';

export interface LocalMigration {
  /** The folder name, e.g. `20261128200000_init`; sorts in the order to apply. */
  name: string;
  sql: string;
  /** sha256 hex of the file's bytes: the value Prisma stores in `_prisma_migrations.checksum`. */
  checksum: string;
}

/**
 * The migrations under `dir` (Prisma's layout: `<timestamp>_<name>/migration.sql`),
 * in lexical order of the folder names. Plain files such as `migration_lock.toml`
 * are ignored; a folder without `migration.sql` is an error, as it is for Prisma.
 */
export async function readMigrations(dir: string): Promise<LocalMigration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    // plain code-unit order, not locale order: timestamps compare the same everywhere
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: LocalMigration[] = [];
  for (const name of names) {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(dir, name, 'migration.sql'));
    } catch (err) {
      throw new MigrationError(`Migration folder ${name} has no readable migration.sql`, name, { cause: err });
    }
    out.push({ name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') });
  }
  return out;
}
