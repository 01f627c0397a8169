// Circular-import check over apps/*/src and packages/*/src (part of `npm run lint`).
// Exits 1 and lists every cycle found.
//
// Imports between our packages use subpaths (`@heinrich/core/app-error`), which the
// packages' `exports` field maps to source files (`"./*": "./src/*.ts"`). We turn
// those export maps into TypeScript `paths` in a throwaway tsconfig, so dpdm
// resolves them straight to packages/<pkg>/src/<file>.ts without relying on the
// node_modules symlinks. `import type` lines count too: with verbatimModuleSyntax
// they vanish at runtime, but a type cycle is still two modules that cannot be
// understood one without the other.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCircular, parseDependencyTree } from 'dpdm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `@heinrich/<pkg>/<subpath>` -> absolute source path patterns, from each workspace's `exports`. */
function exportPaths() {
  const paths = {};
  for (const group of ['apps', 'packages']) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const entry of readdirSync(groupDir, { withFileTypes: true })) {
      const pkgDir = join(groupDir, entry.name);
      const manifest = join(pkgDir, 'package.json');
      if (!entry.isDirectory() || !existsSync(manifest)) continue;
      const { name, exports } = JSON.parse(readFileSync(manifest, 'utf8'));
      const map = typeof exports === 'string' ? { '.': exports } : (exports ?? {});
      for (const [key, value] of Object.entries(map)) {
        // conditional exports: { import, default, types, ... }
        const target = typeof value === 'string' ? value : (value?.import ?? value?.default ?? value?.types);
        if (typeof target !== 'string' || !key.startsWith('.')) continue;
        paths[name + key.slice(1)] = [join(pkgDir, target)];
      }
    }
  }
  return paths;
}

const tmp = mkdtempSync(join(tmpdir(), 'heinrich-cycles-'));
let circulars;
try {
  const tsconfig = join(tmp, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({ extends: join(root, 'tsconfig.base.json'), compilerOptions: { paths: exportPaths() } }),
  );
  const tree = await parseDependencyTree(['apps/*/src/**/*.{ts,tsx}', 'packages/*/src/**/*.{ts,tsx}'], {
    cwd: root,
    context: root,
    tsconfig,
    transform: false,
    // generated Prisma client: not ours to untangle
    exclude: /node_modules|[\\/]src[\\/]generated[\\/]/,
  });
  circulars = parseCircular(tree);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (circulars.length === 0) {
  console.log('check-cycles: no circular imports');
} else {
  console.error(`check-cycles: ${circulars.length} circular import chain(s):`);
  for (const [i, cycle] of circulars.entries()) {
    const files = cycle.map((file) => relative(root, join(root, file)));
    console.error(`  ${i + 1}) ${[...files, files[0]].join(' -> ')}`);
  }
  process.exitCode = 1;
}
