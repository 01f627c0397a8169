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
import pg from 'pg';
import { CharAsTextClient } from './char-as-text-client';

export type SchemaEngine = bg.SchemaEngine;

// @types/node 20 does not declare the WebAssembly global; this is the part we use
interface WasmGlobal {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
}

let ready: Promise<void> | undefined;

function initWasm(): Promise<void> {
  ready ??= (async () => {
    // the package exports no path to its .wasm; locate it beside the JS glue
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const bytes = await readFile(join(dir, 'schema_engine_bg.wasm'));
    const wasm = (globalThis as unknown as { WebAssembly: WasmGlobal }).WebAssembly;
    const { instance } = await wasm.instantiate(bytes, { './schema_engine_bg.js': bg });
    (bg as unknown as { __wbg_set_wasm(w: unknown): void }).__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  })();
  return ready;
}

export interface LoadedSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes its connections (`engine.free()` alone leaves the pool open). */
  close(): Promise<void>;
}

/** An engine connected to `databaseUrl`; `close()` it when done. */
export async function loadSchemaEngine(databaseUrl: string, datamodel?: { path: string; content: string }): Promise<LoadedSchemaEngine> {
  await initWasm();
  // our own pool, so we can close it: the engine never disposes its adapter
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 2,
    Client: CharAsTextClient as unknown as new () => pg.ClientBase,
  });
  pool.on('error', () => {});
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const datamodels: [string, string][] | undefined = datamodel ? [[datamodel.path, datamodel.content]] : undefined;
  let engine: SchemaEngine;
  try {
    engine = await bg.SchemaEngine.new({ datamodels }, () => {}, adapter);
  } catch (err) {
    await pool.end();
    throw err;
  }
  return {
    engine,
    async close() {
      engine.free();
      await pool.end();
    },
  };
}
