// Credentials as files, rotated without a restart (docs/kubernetes.md "Rotating
// credentials"): the api process as operators run it, its Twilio auth token and
// admin API key in files laid out the way the kubelet mounts a Secret (a
// `..data` symlink swapped to a new timestamped folder) or replaced by rename.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { twilioSignature } from '@heinrich/providers/twilio/verify-twilio-signature';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../../bench/api-process';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { testRedisUrl, uniquePrefix } from '../support/redis';
import { waitFor } from '../support/wait-for';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const OLD_TOKEN = 'old-twilio-auth-token-0123456789ab';
const NEW_TOKEN = 'new-twilio-auth-token-ba9876543210';
const OLD_ADMIN_KEY = 'old-admin-key-0123456789abcdef';
const NEW_ADMIN_KEY = 'new-admin-key-fedcba9876543210';
const GRACE_SECONDS = 8;

let database: TestDatabase;
let dir: string;
let child: ChildProcess | undefined;
let exited = false;
let baseUrl: string;
let stdout = '';

/** The kubelet's layout of a mounted Secret: files are symlinks through `..data`, which is swapped atomically. */
function writeSecretVolume(volume: string, version: string, files: Record<string, string>): void {
  const data = join(volume, `..${version}`);
  mkdirSync(data, { recursive: true });
  for (const [name, value] of Object.entries(files)) writeFileSync(join(data, name), value);
  const link = join(volume, `..data_tmp`);
  symlinkSync(`..${version}`, link);
  renameSync(link, join(volume, '..data'));
}

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'heinrich-credentials-'));
  const volume = join(dir, 'volume');
  mkdirSync(volume);
  writeSecretVolume(volume, '2026_12_07_01', { 'admin-api-key': `${OLD_ADMIN_KEY}\n` });
  symlinkSync('..data/admin-api-key', join(volume, 'admin-api-key'));
  writeFileSync(join(dir, 'twilio-auth-token'), `${OLD_TOKEN}\n`);
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'apps/api/src/main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: uniquePrefix('rotate'),
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      LOG_LEVEL: 'info',
      HEINRICH_ADMIN_API_KEY_FILE: join(volume, 'admin-api-key'),
      TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      TWILIO_AUTH_TOKEN_FILE: join(dir, 'twilio-auth-token'),
      TWILIO_FROM_NUMBER: '+15005550006',
      SECRET_ROTATION_GRACE_SECONDS: String(GRACE_SECONDS),
      // the default poll interval (5 s): the test shows the default meets "within 30 s"
    } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (stdout += String(d)));
  child.stderr!.on('data', (d) => (stdout += String(d)));
  child.once('exit', () => (exited = true));
  await waitFor(
    () => fetch(`${baseUrl}/healthz`).then((r) => r.status, () => 0),
    (s) => s === 200,
    { what: 'the api to listen', timeoutMs: 60_000 },
  );
}, 90_000);

afterAll(async () => {
  if (child && !exited) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  await database?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A Twilio status callback signed with `token`, as Twilio signs it: 403 when the signature does not match. */
async function statusCallback(token: string): Promise<number> {
  const params = { MessageSid: `SM${'1'.repeat(32)}`, MessageStatus: 'delivered' };
  const url = `${baseUrl}/api/v1/twilio/status`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(token, url, params) },
    body: new URLSearchParams(params).toString(),
  });
  await res.arrayBuffer();
  return res.status;
}

const adminStatus = (key: string) => fetch(`${baseUrl}/api/v1/services`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.status);

it('accepts a Twilio webhook signed with the new auth token within 30 s of the file being replaced, the old one only during the grace, without a restart', async () => {
  const pid = child!.pid;
  expect(await statusCallback(OLD_TOKEN)).not.toBe(403);
  expect(await statusCallback(NEW_TOKEN)).toBe(403);

  // written beside it and renamed over it, as an operator (or a sidecar) does
  writeFileSync(join(dir, 'twilio-auth-token.new'), `${NEW_TOKEN}\n`);
  renameSync(join(dir, 'twilio-auth-token.new'), join(dir, 'twilio-auth-token'));

  // the promise: within 30 s of the file changing (the poll runs every 5 s by default)
  await waitFor(() => statusCallback(NEW_TOKEN), (s) => s !== 403, { what: 'the new token to be accepted within 30 s', timeoutMs: 30_000 });
  // in-flight callbacks signed just before the rotation still pass...
  expect(await statusCallback(OLD_TOKEN)).not.toBe(403);
  // ...until the grace has passed
  await waitFor(() => statusCallback(OLD_TOKEN), (s) => s === 403, { what: 'the old token to be refused', timeoutMs: (GRACE_SECONDS + 10) * 1000 });
  expect(await statusCallback(NEW_TOKEN)).not.toBe(403);

  expect(exited).toBe(false);
  expect(child!.pid).toBe(pid);
  // logged by name, never by value
  expect(stdout).toContain('"credential":"TWILIO_AUTH_TOKEN"');
  expect(stdout).not.toContain(NEW_TOKEN);
  expect(stdout).not.toContain(OLD_TOKEN);
}, 90_000);

it('follows the admin API key through the kubelet\'s symlink swap of a mounted Secret', async () => {
  expect(await adminStatus(OLD_ADMIN_KEY)).toBe(200);
  expect(await adminStatus(NEW_ADMIN_KEY)).toBe(401);
  writeSecretVolume(join(dir, 'volume'), '2026_12_07_02', { 'admin-api-key': `${NEW_ADMIN_KEY}\n` });
  await waitFor(() => adminStatus(NEW_ADMIN_KEY), (s) => s === 200, { what: 'the new admin key to be accepted', timeoutMs: 30_000 });
  await waitFor(() => adminStatus(OLD_ADMIN_KEY), (s) => s === 401, { what: 'the old admin key to be refused', timeoutMs: (GRACE_SECONDS + 10) * 1000 });

  const metrics = await fetch(`${baseUrl}/metrics`).then((r) => r.text());
  expect(metrics).toMatch(/heinrich_credential_reloads_total\{credential="HEINRICH_ADMIN_API_KEY",result="applied"\} 1/);
  expect(metrics).toMatch(/heinrich_credential_reloads_total\{credential="TWILIO_AUTH_TOKEN",result="applied"\} 1/);
  expect(exited).toBe(false);
}, 90_000);
