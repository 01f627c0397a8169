// Loads Prisma's schema engine compiled to Wasm (@prisma/schema-engine-wasm, pinned
// to the version matching our prisma CLI) and binds it to Postgres through the pg
// driver adapter. Prisma 7's CLI only drives the *native* engine, which it downloads
// at run time; this path needs no download, so schema diffs (migration authoring and
// the drift test) work offline, in CI and in containers alike.
// It is an internal Prisma API: keep the versions pinned exactly (package.json).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';

export type SchemaEngine = bg.SchemaEngine;

let ready: Promise<void> | undefined;

function initWasm(): Promise<void> {
  ready ??= (async () => {
    // the package exports no path to its .wasm; locate it beside the JS glue
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const bytes = await readFile(join(dir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start(): void };
    (bg as unknown as { __wbg_set_wasm(w: unknown): void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return ready;
}

/** An engine connected to `databaseUrl`; `free()` it when done. */
export async function loadSchemaEngine(databaseUrl: string, datamodel?: { path: string; content: string }): Promise<SchemaEngine> {
  await initWasm();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  const datamodels: [string, string][] | undefined = datamodel ? [[datamodel.path, datamodel.content]] : undefined;
  return bg.SchemaEngine.new({ datamodels }, () => {}, adapter);
}
