// What senders get for bad input: a clear 4xx naming the problem, never a crash,
// never a partial write; 5xx only when a retry can help.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { alertmanagerFixture } from '../support/fixtures';
import { incidentsOf } from '../support/incident-state';
import { seedService, type SeededService } from '../support/seed-service';

const AM = '/api/v1/integrations/alertmanager';

let api: TestApi;
let svc: SeededService;
beforeAll(async () => {
  // a small body limit so the over-size case needs no megabytes
  api = await startTestApi({ env: { MAX_BODY_BYTES: '16384' } });
  svc = await seedService(api.db);
});
afterAll(async () => {
  await api?.close();
});

async function postRaw(body: string, headers: Record<string, string>) {
  const res = await fetch(`${api.baseUrl}${AM}`, { method: 'POST', headers, body });
  return { status: res.status, body: await res.json().catch(() => undefined) };
}

describe('authentication', () => {
  it('answers 401 without a key, with an unknown key, and with a key of another integration type', async () => {
    const events = await seedService(api.db, { type: 'events' });
    const payload = alertmanagerFixture('01-firing-initial-6-pods.json');
    for (const bearer of [undefined, 'hk_not-a-real-key', events.secret]) {
      const res = await api.post(AM, payload, bearer);
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({ code: 'unauthenticated', message: 'Missing or invalid integration key', fields: [] });
    }
    expect(await incidentsOf(api.db, events.serviceId)).toEqual([]);
  });

  it('answers 401 for a revoked key', async () => {
    const revoked = await seedService(api.db);
    await api.db.prisma.integrationKey.update({ where: { id: revoked.keyId }, data: { revokedAt: new Date() } });
    expect((await api.post(AM, alertmanagerFixture('01-firing-initial-6-pods.json'), revoked.secret)).status).toBe(401);
  });

  it('takes the key from the URL or from basic auth (for setups that cannot send a bearer token)', async () => {
    const inUrl = await seedService(api.db);
    expect((await api.post(`${AM}/${inUrl.secret}`, alertmanagerFixture('01-firing-initial-6-pods.json'))).status).toBe(200);
    const basic = await seedService(api.db);
    const res = await postRaw(JSON.stringify(alertmanagerFixture('01-firing-initial-6-pods.json')), {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`alertmanager:${basic.secret}`).toString('base64')}`,
    });
    expect(res.status).toBe(200);
  });
});

describe('malformed bodies', () => {
  const auth = () => ({ 'content-type': 'application/json', authorization: `Bearer ${svc.secret}` });

  it('400 for JSON that does not parse', async () => {
    const res = await postRaw('{"version": "4", "alerts": [', auth());
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toMatch(/not valid JSON/);
  });

  it('415 for a body that is not JSON', async () => {
    const res = await postRaw('version=4', { ...auth(), 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(res.body.error.message).toBe('Content-Type must be application/json');
  });

  it('400 naming every bad field by its path', async () => {
    const payload = alertmanagerFixture('01-firing-initial-6-pods.json');
    payload.alerts[2].startsAt = 'yesterday';
    payload.alerts[3].labels = { pod: 42 };
    delete payload.alerts[4].fingerprint;
    payload.version = '3';
    const res = await api.post(AM, payload, svc.secret);
    expect(res.status).toBe(400);
    const paths = res.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['version', 'alerts.2.startsAt', 'alerts.3.labels.pod', 'alerts.4.fingerprint']));
    expect(res.body.error.message).toMatch(/^Alertmanager payload is invalid: /);
    expect(await incidentsOf(api.db, svc.serviceId)).toEqual([]);
  });

  it('400 for a missing alerts array and for nested label values', async () => {
    const { alerts: _a, ...noAlerts } = alertmanagerFixture('01-firing-initial-6-pods.json');
    expect((await api.post(AM, noAlerts, svc.secret)).body.error.fields).toEqual([{ path: 'alerts', message: 'must be an array of alerts' }]);

    const nested = alertmanagerFixture('01-firing-initial-6-pods.json');
    nested.alerts[0].annotations = { description: { deeply: { nested: ['x'] } } };
    const res = await api.post(AM, nested, svc.secret);
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('alerts.0.annotations.description');
  });

  it('400, not a crash, for pathologically deep nesting', async () => {
    const deep = '['.repeat(5_000) + ']'.repeat(5_000);
    const res = await postRaw(deep, auth());
    expect(res.status).toBe(400);
    // the process is still serving
    expect((await fetch(`${api.baseUrl}/healthz`)).status).toBe(200);
  });

  it('413 naming the limit for an over-size body', async () => {
    const payload = alertmanagerFixture('01-firing-initial-6-pods.json');
    payload.commonAnnotations.padding = 'x'.repeat(20_000);
    const res = await api.post(AM, payload, svc.secret);
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/larger than the limit of 16384 bytes \(MAX_BODY_BYTES\)/);
  });
});

describe('Postgres unavailable', () => {
  it('answers 503 with Retry-After within seconds, so Alertmanager retries', async () => {
    const down = await startTestApi({ databaseUrl: 'postgresql://postgres@127.0.0.1:1/nothing' });
    const res = await down.post(AM, alertmanagerFixture('01-firing-initial-6-pods.json'), svc.secret);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.body.error.code).toBe('unavailable');
    const ready = await fetch(`${down.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    await down.close();
  });
});

describe('admin requests without a body', () => {
  it('accept a POST with Content-Length: 0 and no Content-Type, as fetch() sends it', async () => {
    const res = await fetch(`${api.baseUrl}/api/v1/incidents/00000000-0000-4000-8000-000000000000/acknowledge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${(await import('../support/api-server')).TEST_ADMIN_KEY}` },
    });
    // reaches the route (404: no such incident), not a 415
    expect(res.status).toBe(404);
  });
});
