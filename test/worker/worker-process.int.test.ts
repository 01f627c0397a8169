import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { testRedisUrl, uniquePrefix } from '../support/redis';
import { eventually } from './eventually';
import { freePort } from './free-port';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');

interface Spawned {
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** signals the spawned process itself (as Kubernetes signals a container's PID 1) */
  kill(signal: NodeJS.Signals): void;
  /** SIGKILL to its whole process group: nothing it started outlives the test */
  killGroup(): void;
}

/** Runs `command` in the repo with exactly `env` (plus PATH/HOME): nothing leaks in from the test's environment. */
function spawnInRepo(command: string, args: string[], env: Record<string, string>): Spawned {
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // its own process group, so killGroup() reaches wrappers' children too
    detached: true,
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    stdout: () => out,
    stderr: () => err,
    exit,
    kill: (signal) => child.kill(signal),
    killGroup: () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group is gone already
      }
    },
  };
}

describe('worker process (apps/worker/src/main.ts)', () => {
  let database: TestDatabase | undefined;
  const running: Spawned[] = [];

  afterAll(async () => {
    for (const proc of running) proc.killGroup();
    await database?.drop();
  });

  it('refuses to start without DATABASE_URL and says so', async () => {
    const proc = spawnInRepo('npx', ['tsx', 'apps/worker/src/main.ts'], { REDIS_URL: testRedisUrl() });
    running.push(proc);
    const { code } = await proc.exit;
    expect(code).not.toBe(0);
    expect(proc.stderr()).toContain('DATABASE_URL');
  });

  it('on a health port already in use exits 1 naming the port, and never says it started', async () => {
    database ??= await createTestDatabase();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, () => resolve()));
    const port = (squatter.address() as { port: number }).port;
    try {
      const proc = spawnInRepo(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], {
        DATABASE_URL: database.url,
        REDIS_URL: testRedisUrl(),
        REDIS_PREFIX: uniquePrefix('worker-process'),
        PORT: String(port),
        LOG_LEVEL: 'info',
      });
      running.push(proc);
      const { code } = await proc.exit;
      expect(code).toBe(1);
      expect(proc.stderr()).toContain(`heinrich worker: port ${port} is already in use (EADDRINUSE): stop the process listening there, or set PORT to a free port`);
      expect(proc.stdout()).not.toContain('"worker started"');
    } finally {
      squatter.close();
    }
  });

  it('serves /healthz when configured and exits 0 on SIGTERM', async () => {
    database ??= await createTestDatabase();
    const port = await freePort();
    // As `npm run start:worker` and the container run it: Node with the tsx loader, one
    // process. Not `npx tsx`: npm runs its child under `sh -c`, and on SIGTERM the shell
    // dies without passing the signal on (npm then re-raises it on itself), so `npx`
    // never exits 0 on SIGTERM, whatever the worker does.
    const proc = spawnInRepo(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], {
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: uniquePrefix('worker-process'),
      PORT: String(port),
      LOG_LEVEL: 'info',
    });
    running.push(proc);
    const exitedEarly = proc.exit.then(({ code }) => {
      throw new Error(`worker exited with ${code} before serving /healthz: ${proc.stderr()}${proc.stdout()}`);
    });
    exitedEarly.catch(() => {});

    await Promise.race([
      exitedEarly,
      eventually('/healthz 200', () => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200)),
    ]);
    const readyz = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(readyz.status).toBe(200);

    proc.kill('SIGTERM');
    const { code } = await proc.exit;
    expect(code).toBe(0);
    expect(proc.stdout()).toContain('worker stopped');
    // no PUBLIC_URL here: the worker says its links use the default
    expect(proc.stdout()).toContain('"msg":"PUBLIC_URL is not set: links in pages and Twilio callbacks use the default; set it to the api\'s URL, as on the api"');
    expect(proc.stdout()).toContain('"publicUrl":"http://localhost:8080"');
  });
});
