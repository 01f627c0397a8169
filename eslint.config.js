// ESLint flat config. Besides the usual TypeScript hygiene it enforces the import
// rules of docs/architecture.md ("who may import whom") with one
// `no-restricted-imports` block per folder, and keeps `process.env` in the
// composition roots (config is parsed once in main.ts; packages get typed slices).
// Circular imports are checked separately by scripts/check-cycles.mjs.
//
// Flat config does not merge a rule's options across blocks: the LAST block that
// matches a file decides `no-restricted-imports` for it, so every block below
// states its folder's complete list.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const OUR_PACKAGES = ['core', 'contracts', 'config', 'jobs', 'db', 'usecases', 'providers'];

/** A pattern forbidding every `@heinrich/*` import except the listed packages (and their subpaths). */
function onlyOurs(allowed, why) {
  const forbidden = OUR_PACKAGES.concat(['api', 'worker', 'web']).filter((p) => !allowed.includes(p));
  return {
    regex: `^@heinrich/(${forbidden.join('|')})(/|$)`,
    message: allowed.length
      ? `${why} may import only ${allowed.map((p) => `@heinrich/${p}`).join(', ')} of ours (docs/architecture.md).`
      : `${why} imports nothing of ours (docs/architecture.md).`,
  };
}

/** core is pure: no I/O, no database, no queue. */
const ioModules = {
  regex: '^(node:)?(fs|net|http|https|http2|tls|dgram|dns|child_process|cluster|worker_threads)(/|$)|^(pg|ioredis|bullmq|express)$|^@prisma/',
  message: 'packages/core is pure: no I/O modules, no Prisma, no queue (docs/architecture.md).',
};

/** The web app runs in a browser. */
const nodeModules = {
  regex: `^(node:.*|(${builtinModules.filter((m) => !m.startsWith('_')).join('|')})(/.*)?)$`,
  message: 'apps/web runs in the browser: no Node built-in modules.',
};

/** Of core, the web app uses only modules that are pure and browser-safe (Intl, no Node), named here. */
const WEB_CORE_MODULES = ['schedule/time-zone', 'incidents/incident-event-catalog', 'delivery/notification-rule-warnings'];
const webCore = {
  regex: `^@heinrich/core(?!/(${WEB_CORE_MODULES.join('|')})$)`,
  message: `apps/web may import of core only ${WEB_CORE_MODULES.map((m) => `@heinrich/core/${m}`).join(', ')} (pure, browser-safe; docs/architecture.md).`,
};

const restrict = (...patterns) => ['error', { patterns }];

/** Files that may read process.env: composition roots, config, tooling and tests
 * (everything under the root test/ folder is test code: suites and their harness). */
const ENV_READERS = [
  '**/main.ts',
  '**/*-main.ts',
  'packages/config/**',
  'scripts/**',
  'bench/**',
  'test/**',
  '**/*.test.ts',
  '*.config.{js,mjs,ts}',
];

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '**/.turbo/**',
      'packages/db/src/generated/**',
      'apps/web/dist/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'smart'],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration in main.ts via @heinrich/config and pass typed values down.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value=/^(node:)?process$/] ImportSpecifier[imported.name='env']",
          message: 'Read configuration in main.ts via @heinrich/config and pass typed values down.',
        },
      ],
    },
  },

  // Type-aware rules, only where a tsconfig covers the file (every package's src/).
  // Unawaited promises are how a paging system silently drops a page.
  {
    files: ['{apps,packages}/*/src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },

  // --- who may import whom (docs/architecture.md) ---
  { files: ['packages/core/**'], rules: { 'no-restricted-imports': restrict(onlyOurs([], 'packages/core'), ioModules) } },
  { files: ['packages/contracts/**'], rules: { 'no-restricted-imports': restrict(onlyOurs(['core'], 'packages/contracts')) } },
  { files: ['packages/config/**'], rules: { 'no-restricted-imports': restrict(onlyOurs([], 'packages/config')) } },
  { files: ['packages/jobs/**'], rules: { 'no-restricted-imports': restrict(onlyOurs(['core'], 'packages/jobs')) } },
  { files: ['packages/db/**'], rules: { 'no-restricted-imports': restrict(onlyOurs(['core'], 'packages/db')) } },
  {
    // process entry points inside db (`npm run migrate`, `npm run seed:demo`) are composition
    // roots like apps' main.ts: they read config and build a logger
    files: ['packages/db/src/**/main.ts', 'packages/db/src/**/*-main.ts'],
    rules: { 'no-restricted-imports': restrict(onlyOurs(['core', 'config'], 'packages/db entry points (main.ts)')) },
  },
  { files: ['packages/providers/**'], rules: { 'no-restricted-imports': restrict(onlyOurs(['core', 'config'], 'packages/providers')) } },
  {
    files: ['packages/usecases/**'],
    rules: { 'no-restricted-imports': restrict(onlyOurs(['core', 'db', 'jobs', 'providers', 'config'], 'packages/usecases')) },
  },
  {
    files: ['apps/api/**', 'apps/worker/**'],
    rules: {
      'no-restricted-imports': restrict(
        onlyOurs(['usecases', 'contracts', 'jobs', 'core', 'config'], 'apps/api and apps/worker (outside src/main.ts and tests)'),
      ),
    },
  },
  {
    // composition roots and tests wire real adapters
    files: ['apps/api/src/main.ts', 'apps/worker/src/main.ts', 'apps/api/**/*.test.ts', 'apps/worker/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(
        onlyOurs(['usecases', 'contracts', 'jobs', 'core', 'config', 'db', 'providers'], 'apps/api and apps/worker main.ts and tests'),
      ),
    },
  },
  // the rules of hooks and the React Compiler's checks (purity, refs, state set in effects);
  // a missing effect dependency is an error here, not a warning that piles up
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: { ...reactHooks.configs.flat.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['apps/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': restrict(onlyOurs(['contracts', 'core'], 'apps/web'), webCore, nodeModules) },
  },

  // --- process.env only at the edges ---
  { files: ENV_READERS, rules: { 'no-restricted-properties': 'off', 'no-restricted-syntax': 'off' } },
);
