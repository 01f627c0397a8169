// The api as operators run it: `npm run start:api`'s command in its own process.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../../bench/api-process';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { alertmanagerFixture } from '../support/fixtures';
import { testRedisUrl, uniquePrefix } from '../support/redis';
import { waitFor } from '../support/wait-for';
import { createDatabase, type Database } from '@heinrich/db/create-database';
import { seedService } from '../support/seed-service';
import { incidentsOf } from '../support/incident-state';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const START_API = ['--import', 'tsx', join(ROOT, 'apps/api/src/main.ts')];

function startApi(env: Record<string, string | undefined>): { child: ChildProcess; stdout: () => string; stderr: () => string } {
  let stdout = '';
  let stderr = '';
  const child = spawn(process.execPath, START_API, { cwd: ROOT, env: { PATH: process.env.PATH, ...env } as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (stdout += String(d)));
  child.stderr!.on('data', (d) => (stderr += String(d)));
  return { child, stdout: () => stdout, stderr: () => stderr };
}

let database: TestDatabase;
let db: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase({ url: database.url, poolSize: 2, applicationName: 'test' });
});
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

it('refuses to start without DATABASE_URL, naming it and every other bad key', async () => {
  const { child, stderr } = startApi({ REDIS_URL: 'redis://127.0.0.1:6379', HEINRICH_ADMIN_API_KEY: 'short', PORT: 'eighty' });
  const [code] = await once(child, 'exit');
  expect(code).toBe(1);
  expect(stderr()).toMatch(/^heinrich api: Invalid configuration: /);
  expect(stderr()).toContain('DATABASE_URL: is required');
  expect(stderr()).toContain('HEINRICH_ADMIN_API_KEY: must be at least 24 characters');
  expect(stderr()).toContain('PORT:');
  expect(stderr().trim().split('\n')).toHaveLength(1);
});

it('on SIGTERM stops accepting, finishes the request in flight (committing its alerts), then exits 0', async () => {
  const svc = await seedService(db);
  const port = await freePort();
  const { child } = startApi({
    DATABASE_URL: database.url,
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: uniquePrefix('proc'),
    HEINRICH_ADMIN_API_KEY: 'process-test-admin-key-0123456789',
    PORT: String(port),
    LOG_LEVEL: 'silent',
  });
  await waitFor(
    () => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0),
    (s) => s === 200,
    { what: 'the api to listen' },
  );

  // a delivery whose body is still arriving when SIGTERM comes
  const body = Buffer.from(JSON.stringify(alertmanagerFixture('01-firing-initial-6-pods.json')));
  const response = new Promise<number>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/api/v1/integrations/alertmanager',
        headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${svc.secret}` } },
      (res) => { res.resume(); resolve(res.statusCode ?? 0); },
    );
    req.on('error', reject);
    req.write(body.subarray(0, 100));
    setTimeout(() => {
      child.kill('SIGTERM');
      setTimeout(() => req.end(body.subarray(100)), 300);
    }, 200);
  });
  expect(await response).toBe(200);
  const [code] = await once(child, 'exit');
  expect(code).toBe(0);
  expect(await incidentsOf(db, svc.serviceId)).toMatchObject([{ firing: 6 }]);
});

it('on a port already in use exits 1 naming the port, and never says it is listening', async () => {
  // someone else's server on the port (all interfaces, as the api listens)
  const squatter = createServer();
  await new Promise<void>((resolve) => squatter.listen(0, () => resolve()));
  const port = (squatter.address() as { port: number }).port;
  try {
    const { child, stdout, stderr } = startApi({
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: uniquePrefix('proc'),
      HEINRICH_ADMIN_API_KEY: 'process-test-admin-key-0123456789',
      PORT: String(port),
      LOG_LEVEL: 'info',
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr()).toContain(`heinrich api: port ${port} is already in use (EADDRINUSE): stop the process listening there, or set PORT to a free port`);
    const logged = stdout().trim().split('\n').map((line) => JSON.parse(line) as { msg: string; level: string; port?: number });
    expect(logged.map((l) => l.msg)).not.toContain('api listening');
    expect(logged).toContainEqual(expect.objectContaining({ level: 'fatal', msg: 'api could not listen', port }));
  } finally {
    squatter.close();
  }
});
