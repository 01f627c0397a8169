import { loadSchemaEngine } from './load-schema-engine';

export interface SchemaFile {
  /** Shown in engine errors only; the content is what counts. */
  path: string;
  content: string;
}

export interface SchemaDiff {
  /** True when the database already matches the schema. */
  empty: boolean;
  /** The SQL that takes the database to the schema (Prisma's migration style); `''` when empty. */
  sql: string;
}

/**
 * Diffs the live database at `databaseUrl` against a Prisma schema with the
 * Wasm schema engine: tables, columns, types, nullability, defaults, indexes,
 * foreign keys, enums. Prisma's own `_prisma_migrations` table is ignored.
 *
 * Engine quirks (7.10.0-4 Wasm build): `{ tag: 'url' }` is refused ("--from-url
 * and --to-url flags are no longer supported"); `schemaDatasource` describes the
 * database the engine's adapter is connected to, which is what we want. With
 * `exitCode: true` the engine answers 2 when there is a difference, 0 when not.
 */
export async function diffDatabaseToSchema(opts: { databaseUrl: string; schema: SchemaFile }): Promise<SchemaDiff> {
  const { engine, close } = await loadSchemaEngine(opts.databaseUrl, opts.schema);
  try {
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files: [opts.schema], configDir: '.' },
      to: { tag: 'schemaDatamodel', files: [opts.schema] },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    const empty = result.exitCode === 0;
    return { empty, sql: empty ? '' : (result.stdout ?? '') };
  } finally {
    await close();
  }
}
