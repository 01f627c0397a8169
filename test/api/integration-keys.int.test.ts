// Integration keys through real HTTP: the secret is shown once, works at once,
// is never readable back, and stops working when revoked.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';

const PUBLIC_URL = 'https://heinrich.example.com';
const AM = '/api/v1/integrations/alertmanager';

/** The smallest notification Alertmanager (webhook payload version 4) sends. */
const minimalPayload = {
  version: '4',
  groupKey: '{}:{alertname="HighLatency"}',
  status: 'firing',
  receiver: 'heinrich',
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'HighLatency', severity: 'warning' },
      annotations: { summary: 'p99 above 2s' },
      startsAt: '2026-11-28T19:50:40.08Z',
      fingerprint: 'a1b2c3d4e5f60718',
    },
  ],
};

let api: TestApi;
let serviceId: string;
beforeAll(async () => {
  api = await startTestApi({ env: { PUBLIC_URL } });
  serviceId = (await api.admin('POST', '/api/v1/services', { name: 'checkout' })).body.id;
});
afterAll(async () => {
  await api?.close();
});

const keysPath = () => `/api/v1/services/${serviceId}/integration-keys`;

describe('an alertmanager key', () => {
  let created: Record<string, unknown> & { id: string; key: string };

  it('is created with its secret shown once, and the receiver to paste', async () => {
    const res = await api.admin('POST', keysPath(), {
      type: 'alertmanager',
      name: 'prod alertmanager',
      alertmanager: { url: 'http://alertmanager:9093', auth: { type: 'basic', username: 'heinrich', password: 'am-password-123' } },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    created = res.body;
    expect(created).toEqual({
      id: expect.any(String),
      serviceId,
      type: 'alertmanager',
      name: 'prod alertmanager',
      key: expect.stringMatching(/^hk_[A-Za-z0-9_-]{32}$/),
      secretPrefix: created.key.slice(0, 8),
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
      alertmanager: { url: 'http://alertmanager:9093' },
      url: `${PUBLIC_URL}/api/v1/integrations/alertmanager`,
      example: expect.stringContaining(`credentials: ${created.key}`),
      heartbeat: null,
      warnings: [],
    });
    expect(created.example).toContain(`url: ${PUBLIC_URL}/api/v1/integrations/alertmanager`);
  });

  it('authenticates Alertmanager at once', async () => {
    const res = await api.post(AM, minimalPayload, created.key);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ alertsReceived: 1, incidentsOpened: 1 });
  });

  it('is listed without its secret, its hash or the Alertmanager password', async () => {
    const res = await api.admin('GET', keysPath());
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    const [listed] = res.body.items;
    expect(listed).toEqual({
      id: created.id,
      serviceId,
      type: 'alertmanager',
      name: 'prod alertmanager',
      secretPrefix: created.secretPrefix,
      createdAt: created.createdAt,
      lastUsedAt: expect.any(String),
      revokedAt: null,
      alertmanager: { url: 'http://alertmanager:9093' },
      heartbeat: null,
    });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(created.key);
    expect(text).not.toContain(createHash('sha256').update(created.key).digest('hex'));
    expect(text).not.toContain('am-password-123');
  });

  it('stores only the SHA-256 of the secret', async () => {
    const row = await api.db.prisma.integrationKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secretHash).toBe(createHash('sha256').update(created.key).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(created.key);
  });

  it('is revoked by DELETE (204), after which Alertmanager gets 401; revoking again is still 204', async () => {
    const res = await api.admin('DELETE', `${keysPath()}/${created.id}`);
    expect(res.status).toBe(204);
    const rejected = await api.post(AM, minimalPayload, created.key);
    expect(rejected.status).toBe(401);
    expect(rejected.body.error.message).toBe('Missing or invalid integration key');

    const listed = (await api.admin('GET', keysPath())).body.items.find((k: { id: string }) => k.id === created.id);
    expect(listed.revokedAt).toEqual(expect.any(String));
    expect((await api.admin('DELETE', `${keysPath()}/${created.id}`)).status).toBe(204);
    expect((await api.admin('GET', keysPath())).body.items.find((k: { id: string }) => k.id === created.id).revokedAt).toBe(
      listed.revokedAt,
    );
  });
});

describe('an events key', () => {
  it('defaults its name to the type and works as the routing_key of the events API', async () => {
    const res = await api.admin('POST', keysPath(), { type: 'events' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'events', name: 'events', alertmanager: null, url: `${PUBLIC_URL}/api/v1/integrations/events` });
    expect(res.body.example).toContain(`"routing_key":"${res.body.key}"`);
    const event = { routing_key: res.body.key, event_action: 'trigger', dedup_key: 'disk-db01', payload: { summary: 'Disk full', source: 'db01', severity: 'critical' } };
    const sent = await api.post('/api/v1/integrations/events', event);
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ status: 'success', dedup_key: 'disk-db01' });
    // an events key is no Alertmanager key
    expect((await api.post(AM, minimalPayload, res.body.key)).status).toBe(401);
  });
});

describe('bad requests', () => {
  it('answers 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ type: 'pagerduty' }, 'type'],
      [{}, 'type'],
      [{ type: 'events', alertmanager: { url: 'http://am:9093' } }, 'alertmanager'],
      [{ type: 'alertmanager', alertmanager: { url: 'not a url' } }, 'alertmanager.url'],
      [{ type: 'alertmanager', alertmanager: { url: 'http://am:9093', auth: { type: 'digest' } } }, 'alertmanager.auth.type'],
      [{ type: 'alertmanager', alertmanager: { url: 'http://am:9093', auth: { type: 'bearer' } } }, 'alertmanager.auth.token'],
      [{ type: 'alertmanager', name: '' }, 'name'],
    ];
    for (const [body, path] of cases) {
      const res = await api.admin('POST', keysPath(), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path), JSON.stringify(body)).toContain(path);
    }
    const unknown = await api.admin('POST', keysPath(), { type: 'events', secret: 'mine' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: 'secret', message: 'is not a known field' }]);
  });

  it('answers 404 for an unknown service or key', async () => {
    const id = randomUUID();
    for (const [method, path] of [
      ['POST', `/api/v1/services/${id}/integration-keys`],
      ['GET', `/api/v1/services/${id}/integration-keys`],
      ['DELETE', `/api/v1/services/${id}/integration-keys/${randomUUID()}`],
    ] as const) {
      const res = await api.admin(method, path, method === 'POST' ? { type: 'events' } : undefined);
      expect(res.status).toBe(404);
      expect(res.body.error).toEqual({ code: 'not_found', message: `Service ${id} does not exist`, fields: [] });
    }
    const keyId = randomUUID();
    const res = await api.admin('DELETE', `${keysPath()}/${keyId}`);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(`Integration key ${keyId} does not exist`);
    expect((await api.admin('DELETE', `${keysPath()}/nope`)).body.error.message).toBe('Integration key nope does not exist');
  });
});
