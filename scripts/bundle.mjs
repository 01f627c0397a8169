// `npm run build` (per workspace, through turbo): compiles one entry point of a
// Node process to a single ES module, e.g. apps/api/src/main.ts -> apps/api/dist/main.js.
// Our own packages (@heinrich/*, TypeScript sources) are bundled in; every other
// package stays an import from node_modules (production dependencies only, no
// tsx and no TypeScript at run time). The output keeps its source's depth below
// the workspace (src/x/y.ts -> dist/x/y.js), so paths the code resolves from
// import.meta.url (the migrations folder, the web build) hold for both.
//   usage: node scripts/bundle.mjs <entry.ts> <out.js>   (relative to the workspace)
import { build } from 'esbuild';

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) {
  process.stderr.write('usage: node scripts/bundle.mjs <entry.ts> <out.js>\n');
  process.exit(2);
}

/** Bundle ours, keep the rest external: bare specifiers not under @heinrich/ resolve from node_modules at run time. */
const externalDependencies = {
  name: 'external-dependencies',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@heinrich/') ? undefined : { path: args.path, external: true }));
  },
};

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  sourcemap: 'linked',
  // stack traces name the TypeScript files (node --enable-source-maps)
  sourcesContent: false,
  plugins: [externalDependencies],
  logLevel: 'warning',
  legalComments: 'none',
});
