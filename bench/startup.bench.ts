// Start-up benchmark (opt-in: `npm run bench -- startup`): time from process start
// to the first `/readyz` 200, for api and worker, run from the TypeScript sources
// through tsx (how the image ran before the production build) and from the
// compiled bundles (`npm run build`, how it runs now); and the size of the runtime
// node_modules: everything `npm ci` installs against `npm ci --omit=dev` (what the
// image's runtime stage holds). Median of `runs` starts each.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from './api-process';
import { installRuntimeDependencies } from './runtime-install';
import { createBenchDatabase } from './bench-database';

const run = promisify(execFile);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

async function timeToReady(args: string[], env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'production', ...env, PORT: String(port) }, stdio: 'ignore' });
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
      const status = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status, () => 0);
      if (status === 200) return Math.round(performance.now() - started);
      if (Date.now() > deadline) throw new Error(`${args.join(' ')} not ready within 120 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function duMiB(dir: string): Promise<number> {
  const { stdout } = await run('du', ['-sk', dir]);
  return Math.round(Number(stdout.split('\t')[0]) / 1024);
}

export async function startupBench(opts: { adminDatabaseUrl: string; redisUrl: string; runs: number }) {
  await run('npm', ['run', '-s', 'build', '-w', '@heinrich/api', '-w', '@heinrich/worker'], { cwd: ROOT });
  const database = await createBenchDatabase(opts.adminDatabaseUrl);
  const env = { DATABASE_URL: database.url, REDIS_URL: opts.redisUrl, REDIS_PREFIX: `bench-startup-${process.pid}`, HEINRICH_ADMIN_API_KEY: 'bench-admin-key-0123456789abcdef' };
  const tsx = { api: ['--import', 'tsx', 'apps/api/src/main.ts'], worker: ['--import', 'tsx', 'apps/worker/src/main.ts'] };
  // a container starts with tsx's compile cache empty (a fresh or read-only filesystem): `tsxCold`;
  // `tsxWarm` reuses the cache in the temp directory, as on a developer's machine
  const modes: Record<string, { args: Record<string, string[]>; env: Record<string, string> }> = {
    tsxCold: { args: tsx, env: { TSX_DISABLE_CACHE: '1' } },
    tsxWarm: { args: tsx, env: {} },
    compiled: { args: { api: ['--enable-source-maps', 'apps/api/dist/main.js'], worker: ['--enable-source-maps', 'apps/worker/dist/main.js'] }, env: {} },
  };
  const readyMs: Record<string, Record<string, { medianMs: number; runsMs: number[] }>> = {};
  try {
    for (const [mode, { args: apps, env: modeEnv }] of Object.entries(modes)) {
      readyMs[mode] = {};
      for (const [app, args] of Object.entries(apps)) {
        const runsMs: number[] = [];
        // a first, discarded start warms the disk cache (and, for tsxWarm, tsx's own)
        await timeToReady(args, { ...env, ...modeEnv });
        for (let i = 0; i < opts.runs; i++) runsMs.push(await timeToReady(args, { ...env, ...modeEnv }));
        readyMs[mode]![app] = { medianMs: median(runsMs), runsMs };
      }
    }
  } finally {
    await database.drop();
  }

  // the runtime stage's node_modules: a copy of the manifests, production dependencies only
  const copy = mkdtempSync(join(tmpdir(), 'heinrich-bench-runtime-'));
  try {
    await installRuntimeDependencies(ROOT, copy);
    return {
      readyMs,
      nodeModulesMiB: { all: await duMiB(join(ROOT, 'node_modules')), production: await duMiB(join(copy, 'node_modules')) },
    };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
