// `npm run migration:new -- <name>`: writes the SQL that takes the committed
// migrations to the current prisma/schema.prisma, as
// prisma/migrations/<UTC yyyymmddHHMMSS>_<name>/migration.sql. Offline: a scratch
// database migrated by our runner, diffed by Prisma's Wasm schema engine
// (docs/development.md, "Database migrations"). Needs a Postgres that allows
// CREATE DATABASE: DATABASE_URL, or the local default below.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMigrationSql } from '../packages/db/src/schema-engine/generate-migration-sql';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const migrationsDir = join(root, 'prisma', 'migrations');
const schemaPath = join(root, 'prisma', 'schema.prisma');
const DEFAULT_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Prisma's naming: lower case, anything else becomes `_`. */
function migrationSlug(raw: string): string {
  return raw.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 200);
}

/** UTC `yyyymmddHHMMSS`, the prefix Prisma gives migration folders. */
function utcStamp(d: Date): string {
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

async function main(): Promise<number> {
  const slug = migrationSlug(process.argv.slice(2).join('_'));
  if (!slug) {
    console.error('usage: npm run migration:new -- <name>   (e.g. add_incident_priority)');
    return 1;
  }
  const folder = `${utcStamp(new Date())}_${slug}`;
  const existing = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  const latest = existing.sort().at(-1);
  if (latest && folder <= latest) {
    // the runner applies folders in name order: a new one must sort last
    console.error(`migration:new: ${folder} would sort before or equal to the latest migration ${latest}; check the clock`);
    return 1;
  }
  const adminUrl = process.env.DATABASE_URL ?? DEFAULT_ADMIN_URL;
  const schema = { path: 'schema.prisma', content: await readFile(schemaPath, 'utf8') };
  let diff;
  try {
    diff = await generateMigrationSql({ adminUrl, migrationsDir, schema });
  } catch (err) {
    const u = new URL(adminUrl);
    const reason = err instanceof Error ? err.message : String(err);
    console.error(
      `migration:new: failed against Postgres at ${u.hostname}:${u.port || '5432'} (needs a server where it may CREATE DATABASE;` +
        ` set DATABASE_URL to an admin URL): ${reason}`,
    );
    return 1;
  }
  if (diff.empty) {
    console.log('migration:new: no changes (the migrations already produce prisma/schema.prisma); nothing written');
    return 0;
  }
  const file = join(migrationsDir, folder, 'migration.sql');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, diff.sql);
  console.log(`migration:new: wrote ${relative(root, file)}\n\n${diff.sql}\nReview it (data loss? defaults for new NOT NULL columns?), then commit it together with prisma/schema.prisma.`);
  return 0;
}

process.exitCode = await main();
