// The production build as the image runs it, without Docker (no engine here): the
// compiled output (`npm run build`'s bundles and the web build) copied beside the
// manifests, `npm ci --omit=dev` (production dependencies only), then `npm run
// migrate`, `seed:demo`, `start:api` and `start:worker` from that copy: no tsx, no
// TypeScript at run time, paths relative to the compiled files (migrations, web UI).
// Start-up times and the runtime node_modules size are measured by the `startup`
// benchmark (docs/benchmarks.md), not here.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../../bench/api-process';
import { installRuntimeDependencies } from '../../bench/runtime-install';
import { createEmptyTestDatabase, type TestDatabase } from '../support/database';
import { testRedisUrl, uniquePrefix } from '../support/redis';
import { waitFor } from '../support/wait-for';

const run = promisify(execFile);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const BUILT = ['apps/api/dist', 'apps/worker/dist', 'packages/db/dist', 'packages/usecases/dist', 'apps/web/dist', 'prisma/migrations'];

let copy: string;
let database: TestDatabase;
const children: ChildProcess[] = [];

beforeAll(async () => {
  // the bundles (what `npm run build` makes per workspace; turbo adds the typecheck before it)
  await run('npm', ['run', '-s', 'build', '-w', '@heinrich/api', '-w', '@heinrich/worker', '-w', '@heinrich/db', '-w', '@heinrich/usecases'], { cwd: ROOT });
  if (!existsSync(join(ROOT, 'apps/web/dist/index.html'))) await run('npm', ['run', '-s', 'build', '-w', '@heinrich/web'], { cwd: ROOT });

  copy = mkdtempSync(join(tmpdir(), 'heinrich-production-'));
  for (const dir of BUILT) cpSync(join(ROOT, dir), join(copy, dir), { recursive: true });
  // as the Dockerfile's runtime stage: production dependencies only, no install scripts, no Prisma CLI
  await installRuntimeDependencies(ROOT, copy);
  database = await createEmptyTestDatabase();
}, 400_000);

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
  await database?.drop();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

function npmRun(script: string, env: Record<string, string>): { child: ChildProcess; output: () => string; exit: Promise<number> } {
  let output = '';
  const child = spawn('npm', ['run', '-s', script], {
    cwd: copy,
    env: { PATH: process.env.PATH, HOME: copy, npm_config_script_shell: '/bin/bash', LOG_LEVEL: 'info', ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  children.push(child);
  // listened for at once: a process that exits while the test awaits another must not be missed
  const exit = once(child, 'exit').then(([code]) => code as number);
  return { child, output: () => output, exit };
}

async function exitCode(p: { output: () => string; exit: Promise<number> }): Promise<number> {
  const code = await p.exit;
  if (code !== 0) process.stderr.write(p.output());
  return code;
}

it('installs no build tools: no tsx, esbuild, vite, vitest or Prisma CLI', () => {
  const modules = join(copy, 'node_modules');
  // (the typescript package stays: @prisma/client names it as an optional peer; nothing runs it)
  for (const tool of ['tsx', 'esbuild', 'vite', 'vitest', 'prisma', '@prisma/schema-engine-wasm', 'playwright-core']) {
    expect(existsSync(join(modules, tool)), `${tool} in the runtime node_modules`).toBe(false);
  }
  expect(existsSync(join(modules, 'express'))).toBe(true);
  expect(existsSync(join(modules, '@prisma/client'))).toBe(true);
});

it('migrates an empty database, seeds it, and runs api and worker from the compiled files until both are ready', async () => {
  const env = { DATABASE_URL: database.url, REDIS_URL: testRedisUrl(), REDIS_PREFIX: uniquePrefix('prod') };
  const migrate = npmRun('migrate', env);
  expect(await exitCode(migrate)).toBe(0);
  expect(migrate.output()).toContain('"msg":"migrate finished"');
  expect(await exitCode(npmRun('seed:demo', env))).toBe(0);

  const apiPort = await freePort();
  const workerPort = await freePort();
  const api = npmRun('start:api', { ...env, PORT: String(apiPort), PUBLIC_URL: `http://127.0.0.1:${apiPort}`, HEINRICH_ADMIN_API_KEY: 'production-build-admin-key-0123' });
  const worker = npmRun('start:worker', { ...env, PORT: String(workerPort), PUBLIC_URL: `http://127.0.0.1:${apiPort}` });
  const ready = (port: number) => fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status, () => 0);
  await waitFor(() => ready(apiPort), (s) => s === 200, { what: 'the compiled api to be ready', timeoutMs: 60_000 });
  await waitFor(() => ready(workerPort), (s) => s === 200, { what: 'the compiled worker to be ready', timeoutMs: 60_000 });

  // the web UI is found relative to the compiled files, and served
  const page = await fetch(`http://127.0.0.1:${apiPort}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<div id="root">');
  // the demo integration key pages through the compiled worker
  const alert = await fetch(`http://127.0.0.1:${apiPort}/api/v1/integrations/alertmanager`, {
    method: 'POST',
    headers: { authorization: 'Bearer hk_demo_alertmanager_0000000000000000', 'content-type': 'application/json' },
    body: JSON.stringify({
      version: '4',
      status: 'firing',
      receiver: 'heinrich',
      groupKey: '{}:{alertname="ProductionBuild"}',
      groupLabels: { alertname: 'ProductionBuild' },
      commonLabels: { alertname: 'ProductionBuild', severity: 'critical' },
      commonAnnotations: {},
      externalURL: 'http://alertmanager.invalid',
      truncatedAlerts: 0,
      alerts: [{ status: 'firing', labels: { alertname: 'ProductionBuild', severity: 'critical' }, annotations: { summary: 'compiled' }, startsAt: new Date().toISOString(), endsAt: '0001-01-01T00:00:00Z', generatorURL: '', fingerprint: 'a1b2c3d4e5f60718' }],
    }),
  });
  expect(alert.status).toBe(200);
  await waitFor(async () => worker.output(), (out) => out.includes('page delivered to the log'), { what: 'the page in the worker log', timeoutMs: 60_000 });

  api.child.kill('SIGTERM');
  worker.child.kill('SIGTERM');
  expect(await exitCode(api)).toBe(0);
  expect(await exitCode(worker)).toBe(0);
}, 240_000);
