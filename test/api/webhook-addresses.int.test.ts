// Where a webhook contact method may point (docs/configuration.md
// WEBHOOK_ALLOW_PRIVATE): an api on a public PUBLIC_URL refuses link-local,
// metadata, loopback and private addresses in every spelling with a 400 naming
// `value` and the reason; WEBHOOK_ALLOW_PRIVATE=true lets loopback and private
// ones through but never metadata; a loopback PUBLIC_URL (the demo, the tests)
// counts as allowing them. Real api and Postgres over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';

let strict: TestApi;
let allowing: TestApi;
let demo: TestApi;
beforeAll(async () => {
  [strict, allowing, demo] = await Promise.all([
    startTestApi({ env: { PUBLIC_URL: 'https://heinrich.example.com' } }),
    startTestApi({ env: { PUBLIC_URL: 'https://heinrich.example.com', WEBHOOK_ALLOW_PRIVATE: 'true' } }),
    startTestApi({ env: { PUBLIC_URL: 'http://127.0.0.1:8080' } }),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([strict?.close(), allowing?.close(), demo?.close()]);
});

async function addWebhook(api: TestApi, value: string) {
  const user = (await api.admin('POST', '/api/v1/users', { name: 'Wendy', email: `wendy-${Math.random().toString(36).slice(2)}@example.test` })).body;
  return api.admin('POST', `/api/v1/users/${user.id}/contact-methods`, { type: 'webhook', value });
}

const METADATA = [
  'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
  'https://169.254.0.1/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://[fe80::1]/',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://[::ffff:169.254.169.254]/',
  'http://2852039166/',
];

const INTERNAL = [
  'https://10.0.0.1:6443/api',
  'https://172.16.0.10/',
  'https://192.168.1.1/',
  'https://100.64.0.1/',
  'http://127.0.0.1:6379/',
  'http://localhost:5432/',
  'http://127.1/',
  'http://2130706433/',
  'http://0x7f.0.0.1/',
  'http://0.0.0.0:8080/',
  'http://[::1]:9093/',
  'https://[fc00::1]/',
  'https://[::ffff:10.0.0.1]/',
  'http://[::ffff:127.0.0.1]/',
];

describe('webhook contact methods on an api with a public PUBLIC_URL', () => {
  it.each([...METADATA, ...INTERNAL])('refuses %s with a 400 naming value', async (url) => {
    const res = await addWebhook(strict, url);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.fields).toEqual([{ path: 'value', message: expect.stringMatching(/^must not point at an internal address: it points at /) }]);
  });

  it('says why: metadata never, internal ones need WEBHOOK_ALLOW_PRIVATE', async () => {
    expect((await addWebhook(strict, METADATA[0]!)).body.error.fields[0].message).toContain('link-local');
    expect((await addWebhook(strict, 'http://127.1:8080/')).body.error.fields[0].message).toContain('loopback address (127.0.0.0/8); webhooks to internal addresses need WEBHOOK_ALLOW_PRIVATE=true');
  });

  it('takes public addresses and names', async () => {
    expect((await addWebhook(strict, 'https://hooks.example.com/services/x')).status).toBe(201);
    expect((await addWebhook(strict, 'https://93.184.216.34/hook')).status).toBe(201);
  });
});

describe('with WEBHOOK_ALLOW_PRIVATE=true, or a loopback PUBLIC_URL', () => {
  it.each(INTERNAL.filter((u) => u.startsWith('https:') || /\/\/(127\.|localhost|\[::1\])/.test(u)))('takes %s', async (url) => {
    expect((await addWebhook(allowing, url)).status).toBe(201);
    expect((await addWebhook(demo, url)).status).toBe(201);
  });

  it.each(METADATA)('still refuses %s', async (url) => {
    expect((await addWebhook(allowing, url)).status).toBe(400);
    expect((await addWebhook(demo, url)).status).toBe(400);
  });
});
