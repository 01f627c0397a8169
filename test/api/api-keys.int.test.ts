// API keys through real HTTP: the secret shown once and stored hashed, the
// list with last use, roles and team scope, revocation.
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

describe('API keys', () => {
  it('creates a key: 201 with the secret, shown once; the database holds its SHA-256', async () => {
    const res = await api.admin('POST', '/api/v1/api-keys', { name: 'terraform', role: 'admin' });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toEqual({
      id: expect.any(String),
      name: 'terraform',
      role: 'admin',
      teamId: null,
      secretPrefix: res.body.key.slice(0, 8),
      createdBy: 'api-key:bootstrap',
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
      key: expect.stringMatching(/^hka_[A-Za-z0-9_-]{43}$/),
    });
    const stored = await api.db.prisma.apiKey.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(stored.secretHash).toMatch(/^[0-9a-f]{64}$/);
    const list = await api.admin('GET', '/api/v1/api-keys');
    expect(JSON.stringify(list.body)).not.toContain(res.body.key);
    expect(JSON.stringify(list.body)).not.toContain(stored.secretHash);
  });

  it('records the last use, at most once a minute', async () => {
    const key = await api.createApiKey({ role: 'viewer', name: 'dashboards' });
    const before = (await api.admin('GET', '/api/v1/api-keys')).body.items.find((k: { id: string }) => k.id === key.id);
    expect(before.lastUsedAt).toBeNull();
    await api.withKey(key.secret)('GET', '/api/v1/incidents');
    const first = (await api.db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await api.withKey(key.secret)('GET', '/api/v1/incidents');
    expect((await api.db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(first);
    const listed = (await api.admin('GET', '/api/v1/api-keys')).body.items.find((k: { id: string }) => k.id === key.id);
    expect(listed.lastUsedAt).toBe(first!.toISOString());
  });

  it('answers 400 for a bad role, an unknown team, or a team on an admin key', async () => {
    const role = await api.admin('POST', '/api/v1/api-keys', { name: 'x', role: 'owner' });
    expect(role.body.error.fields).toEqual([{ path: 'role', message: 'must be "admin", "lead", "responder" or "viewer"' }]);
    const ghost = randomUUID();
    const team = await api.admin('POST', '/api/v1/api-keys', { name: 'x', role: 'lead', teamId: ghost });
    expect(team.body.error.fields).toEqual([{ path: 'teamId', message: `refers to team ${ghost}, which does not exist` }]);
    const scopedAdmin = await api.admin('POST', '/api/v1/api-keys', { name: 'x', role: 'admin', teamId: ghost });
    expect(scopedAdmin.body.error.fields).toEqual([{ path: 'teamId', message: 'must be null for an admin key (admins act on every team)' }]);
  });

  it('a lead key without a team is a lead of every team, still not an admin', async () => {
    const team = (await api.admin('POST', '/api/v1/teams', { name: `any-${randomUUID()}` })).body;
    const key = api.withKey((await api.createApiKey({ role: 'lead', name: 'every-team' })).secret);
    expect((await key('POST', '/api/v1/services', { name: 'by-key', teamId: team.id })).status).toBe(201);
    const noTeam = await key('POST', '/api/v1/services', { name: 'no-team' });
    expect(noTeam.status).toBe(403);
    expect((await key('POST', '/api/v1/teams', { name: 'nope' })).status).toBe(403);
  });

  it('revoking: 204, again 204 keeping the first revokedAt, 404 for an unknown key', async () => {
    const key = await api.createApiKey({ role: 'responder' });
    expect((await api.admin('DELETE', `/api/v1/api-keys/${key.id}`)).status).toBe(204);
    const first = (await api.db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt;
    expect((await api.admin('DELETE', `/api/v1/api-keys/${key.id}`)).status).toBe(204);
    expect((await api.db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt).toEqual(first);
    expect(await api.db.prisma.auditLogEntry.count({ where: { entityId: key.id, action: 'api_key.revoke' } })).toBe(1);
    const id = randomUUID();
    expect((await api.admin('DELETE', `/api/v1/api-keys/${id}`)).body.error.message).toBe(`API key ${id} does not exist`);
    expect((await api.withKey(key.secret)('GET', '/api/v1/services')).status).toBe(401);
  });
});
