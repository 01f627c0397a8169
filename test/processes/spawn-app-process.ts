import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../worker/free-port';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

export interface AppProcess {
  app: 'api' | 'worker';
  pid: number;
  baseUrl: string;
  output(): string;
  /** SIGKILL to its process group: a crash, nothing finishes, nothing is cleaned up */
  kill9(): Promise<void>;
}

/**
 * `node --import tsx apps/<app>/src/main.ts`, as `npm run dev:<app>` runs it, with
 * exactly `env` (plus PATH/HOME and a free PORT), in a process group of its own;
 * resolves once its /readyz answers 200.
 */
export async function spawnAppProcess(app: 'api' | 'worker', env: Record<string, string>, opts: { readyTimeoutMs?: number } = {}): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', `apps/${app}/src/main.ts`], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const proc: AppProcess = {
    app,
    pid: child.pid ?? -1,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => out,
    async kill9() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone already
      }
      await exit;
    },
  };
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode} during start:\n${out}`);
    const status = await fetch(`${proc.baseUrl}/readyz`).then((r) => r.status, () => 0);
    if (status === 200) return proc;
    if (Date.now() > deadline) {
      await proc.kill9();
      throw new Error(`${app} was not ready within ${opts.readyTimeoutMs ?? 60_000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
