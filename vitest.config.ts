import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure, fast, no services) and `integration` (*.int.test.ts:
// real Postgres and Redis; each file makes its own database and Redis prefix).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{apps,packages,scripts,bench,deploy}/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          // a guard against hangs, not a speed check: the property tests take
          // seconds on a busy machine (speed is measured by `npm run bench`)
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{apps,packages,scripts,test}/**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // 2 cores: files in parallel would fight over them and over Postgres
          fileParallelism: false,
        },
      },
    ],
  },
});
