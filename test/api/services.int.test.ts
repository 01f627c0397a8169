// The services admin API through real HTTP: authentication, validation that
// names the field, CRUD, cascading delete and cursor pagination.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

const notFound = (id: string) => ({ error: { code: 'not_found', message: `Service ${id} does not exist`, fields: [] } });
const paths = (body: { error: { fields: { path: string }[] } }) => body.error.fields.map((f) => f.path);

describe('authentication', () => {
  it('answers 401 with the error shape and a WWW-Authenticate challenge without a key or with a wrong one', async () => {
    const cases = [
      [undefined, 'Not signed in: sign in (POST /api/v1/auth/sign-in) or send Authorization: Bearer <api key>'],
      ['Bearer not-the-admin-key-0123456789', 'Missing or invalid API key: send Authorization: Bearer <api key>'],
      ['Basic Zm9vOmJhcg==', 'Missing or invalid API key: send Authorization: Bearer <api key>'],
    ] as const;
    for (const [authorization, message] of cases) {
      const res = await fetch(`${api.baseUrl}/api/v1/services`, { headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="heinrich"');
      expect(await res.json()).toEqual({ error: { code: 'unauthenticated', message, fields: [] } });
    }
  });

  it('writes nothing for an unauthenticated POST', async () => {
    const res = await api.post('/api/v1/services', { name: 'sneaky' }, 'wrong-key');
    expect(res.status).toBe(401);
    expect(await api.db.prisma.service.count({ where: { name: 'sneaky' } })).toBe(0);
  });
});

describe('creating a service', () => {
  it('answers 201 with the service and its defaults, camelCase with ISO timestamps', async () => {
    const res = await api.admin('POST', '/api/v1/services', { name: 'checkout' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'checkout',
      description: null,
      teamId: null,
      escalationPolicyId: null,
      groupBy: [],
      autoResolve: true,
      urgency: 'high',
      ackTimeoutMinutes: null,
      routingName: null,
      noise: {
        lateCopySeconds: 120,
        flapping: { enabled: true, changes: 4, windowSeconds: 1800 },
        storm: { enabled: true, incidents: 5, windowSeconds: 300, quietSeconds: 600 },
      },
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      updatedAt: expect.any(String),
    });
    expect(res.headers.get('location')).toBe(`/api/v1/services/${res.body.id}`);
    expect((await api.admin('GET', `/api/v1/services/${res.body.id}`)).body).toEqual(res.body);
  });

  it('takes every field, including a team and an escalation policy that exist', async () => {
    const team = await api.db.prisma.team.create({ data: { name: `team-${randomUUID()}` } });
    const policy = await api.db.prisma.escalationPolicy.create({ data: { name: 'default', teamId: team.id } });
    const res = await api.admin('POST', '/api/v1/services', {
      name: 'kubernetes',
      description: 'The d01 cluster',
      teamId: team.id,
      escalationPolicyId: policy.id,
      groupBy: ['node', 'namespace'],
      autoResolve: false,
      urgency: 'bySeverity',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      teamId: team.id,
      escalationPolicyId: policy.id,
      groupBy: ['node', 'namespace'],
      autoResolve: false,
      urgency: 'bySeverity',
    });
  });

  it('answers 400 naming each bad field by its path', async () => {
    const res = await api.admin('POST', '/api/v1/services', {
      name: '',
      groupBy: ['node', 'not-a-label', '0day'],
      urgency: 'urgent',
      autoResolve: 'yes',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(paths(res.body).sort()).toEqual(['autoResolve', 'groupBy.1', 'groupBy.2', 'name', 'urgency']);
    expect(res.body.error.fields).toContainEqual({ path: 'urgency', message: 'must be "high", "low" or "bySeverity"' });
    expect(res.body.error.message).toMatch(/^Request body is invalid: /);
  });

  it('answers 400 for a missing name, too many groupBy labels, and a name over 200 characters', async () => {
    expect(paths((await api.admin('POST', '/api/v1/services', {})).body)).toEqual(['name']);
    const labels = Array.from({ length: 21 }, (_, i) => `l${i}`);
    expect(paths((await api.admin('POST', '/api/v1/services', { name: 'x', groupBy: labels })).body)).toEqual(['groupBy']);
    expect(paths((await api.admin('POST', '/api/v1/services', { name: 'x'.repeat(201) })).body)).toEqual(['name']);
  });

  it('answers 400 naming an unknown field instead of ignoring it', async () => {
    const res = await api.admin('POST', '/api/v1/services', { name: 'x', group_by: ['node'] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toContainEqual({ path: 'group_by', message: 'is not a known field' });
  });

  it('answers 400 naming teamId or escalationPolicyId when they name nothing', async () => {
    const missing = randomUUID();
    const team = await api.admin('POST', '/api/v1/services', { name: 'x', teamId: missing });
    expect(team.status).toBe(400);
    expect(team.body.error.fields).toEqual([{ path: 'teamId', message: `refers to team ${missing}, which does not exist` }]);
    expect(team.body.error.message).toBe(`Request body is invalid: teamId refers to team ${missing}, which does not exist`);

    const policy = await api.admin('POST', '/api/v1/services', { name: 'x', escalationPolicyId: missing });
    expect(policy.status).toBe(400);
    expect(paths(policy.body)).toEqual(['escalationPolicyId']);
    expect(paths((await api.admin('POST', '/api/v1/services', { name: 'x', teamId: 'team-1' })).body)).toEqual(['teamId']);
  });
});

describe('reading, changing and deleting a service', () => {
  it('answers 404 with the error shape for an unknown or malformed id', async () => {
    const id = randomUUID();
    for (const [method, body] of [['GET'], ['PATCH', { name: 'y' }], ['DELETE']] as const) {
      const res = await api.admin(method, `/api/v1/services/${id}`, body);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(notFound(id));
    }
    const malformed = await api.admin('GET', '/api/v1/services/not-a-uuid');
    expect(malformed.status).toBe(404);
    expect(malformed.body).toEqual(notFound('not-a-uuid'));
  });

  it('PATCH changes only the fields given, clears nullable ones with null, and rejects bad or unknown fields', async () => {
    const team = await api.db.prisma.team.create({ data: { name: `team-${randomUUID()}` } });
    const created = (await api.admin('POST', '/api/v1/services', { name: 'payments', description: 'old', teamId: team.id })).body;

    const res = await api.admin('PATCH', `/api/v1/services/${created.id}`, { groupBy: ['cluster'], description: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'payments', description: null, teamId: team.id, groupBy: ['cluster'], urgency: 'high' });

    expect((await api.admin('PATCH', `/api/v1/services/${created.id}`, { teamId: null })).body.teamId).toBeNull();

    const bad = await api.admin('PATCH', `/api/v1/services/${created.id}`, { urgency: 'medium', colour: 'red' });
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toContain('urgency');
    expect(bad.body.error.message).toContain('urgency');
    expect(bad.body.error.fields).toContainEqual({ path: 'colour', message: 'is not a known field' });

    const missingTeam = await api.admin('PATCH', `/api/v1/services/${created.id}`, { teamId: randomUUID() });
    expect(missingTeam.status).toBe(400);
    expect(paths(missingTeam.body)).toEqual(['teamId']);

    // the rejected changes left the service as it was
    expect((await api.admin('GET', `/api/v1/services/${created.id}`)).body).toMatchObject({ urgency: 'high', teamId: null });
  });

  it('noise settings: a PATCH changes the ones it names, bad values are a 400 naming them, changes are audit-logged', async () => {
    const created = (await api.admin('POST', '/api/v1/services', { name: 'noisy', noise: { storm: { incidents: 10 } } })).body;
    expect(created.noise.storm).toEqual({ enabled: true, incidents: 10, windowSeconds: 300, quietSeconds: 600 });

    const res = await api.admin('PATCH', `/api/v1/services/${created.id}`, { noise: { flapping: { enabled: false }, lateCopySeconds: 30 } });
    expect(res.status).toBe(200);
    expect(res.body.noise).toEqual({
      lateCopySeconds: 30,
      flapping: { enabled: false, changes: 4, windowSeconds: 1800 },
      storm: { enabled: true, incidents: 10, windowSeconds: 300, quietSeconds: 600 },
    });

    const bad = await api.admin('PATCH', `/api/v1/services/${created.id}`, { noise: { storm: { windowSeconds: 1, loud: true } } });
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(expect.arrayContaining(['noise.storm.windowSeconds', 'noise.storm.loud']));
    expect(bad.body.error.message).toContain('at least 10');

    const audit = await api.admin('GET', `/api/v1/audit-log?entityType=service&entityId=${created.id}`);
    const update = audit.body.items.find((e: { action: string }) => e.action === 'service.update');
    expect(update.before.noise.flapping.enabled).toBe(true);
    expect(update.after.noise).toEqual(res.body.noise);
  });

  it('DELETE answers 204, then the service is gone with its keys and incidents', async () => {
    const svc = (await api.admin('POST', '/api/v1/services', { name: 'doomed' })).body;
    const key = (await api.admin('POST', `/api/v1/services/${svc.id}/integration-keys`, { type: 'events' })).body;
    const event = { routing_key: key.key, event_action: 'trigger', payload: { summary: 'Disk full', source: 'db01', severity: 'critical' } };
    expect((await api.post('/api/v1/integrations/events', event)).status).toBe(202);
    expect(await api.db.prisma.incident.count({ where: { serviceId: svc.id } })).toBe(1);

    const res = await api.admin('DELETE', `/api/v1/services/${svc.id}`);
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect((await api.admin('GET', `/api/v1/services/${svc.id}`)).status).toBe(404);
    expect(await api.db.prisma.incident.count({ where: { serviceId: svc.id } })).toBe(0);
    expect(await api.db.prisma.integrationKey.count({ where: { serviceId: svc.id } })).toBe(0);
    expect((await api.post('/api/v1/integrations/events', event)).status).toBe(401);
    expect((await api.admin('DELETE', `/api/v1/services/${svc.id}`)).status).toBe(404);
  });
});

describe('listing services', () => {
  it('pages through every service in creation order with limit and nextCursor', async () => {
    const created: string[] = [];
    for (let i = 1; i <= 5; i++) created.push((await api.admin('POST', '/api/v1/services', { name: `page-${i}` })).body.id);

    const all = await api.admin('GET', '/api/v1/services?limit=200');
    expect(all.status).toBe(200);
    expect(all.body.nextCursor).toBeNull();
    const allIds: string[] = all.body.items.map((s: { id: string }) => s.id);
    expect(allIds.slice(-5)).toEqual(created);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await api.admin(
        'GET',
        `/api/v1/services?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((s) => s.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(seen).toEqual(allIds);
    expect(pages).toBe(Math.ceil(allIds.length / 2));
  });

  it('defaults to 50 and answers 400 naming limit or cursor when they are bad', async () => {
    expect((await api.admin('GET', '/api/v1/services')).body).toMatchObject({ items: expect.any(Array) });
    for (const limit of ['0', '201', 'ten']) {
      const res = await api.admin('GET', `/api/v1/services?limit=${limit}`);
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(['limit']);
    }
    const res = await api.admin('GET', '/api/v1/services?cursor=bm90LWEtY3Vyc29y');
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { path: 'cursor', message: 'is not a cursor this API returned; pass nextCursor from the previous page unchanged' },
    ]);
  });
});
