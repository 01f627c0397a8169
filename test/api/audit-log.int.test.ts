// The audit log through real HTTP: one entry per configuration change, in the
// change's transaction, with who, which credential and before/after; never a
// secret; filters and pages; admins only.
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

describe('the audit log', () => {
  it('records a service\'s life: create, update (before and after), delete, with the actor and credential', async () => {
    const svc = (await api.admin('POST', '/api/v1/services', { name: 'audited' })).body;
    await api.admin('PATCH', `/api/v1/services/${svc.id}`, { description: 'now described', urgency: 'low' });
    await api.admin('PATCH', `/api/v1/services/${svc.id}`, { urgency: 'low' }); // no change: no entry
    await api.admin('DELETE', `/api/v1/services/${svc.id}`);
    const res = await api.admin('GET', `/api/v1/audit-log?entityType=service&entityId=${svc.id}`);
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    // the deleted service keeps the name its entries recorded (its snapshot holds its own id)
    const bootstrap = { actor: 'api-key:bootstrap', actorDisplay: 'the admin API key', actorName: 'the admin API key', credential: 'bootstrap', entityType: 'service', entityId: svc.id, entityName: 'audited', names: { [svc.id]: 'audited' } };
    const settings = { id: svc.id, name: 'audited', description: null, teamId: null, escalationPolicyId: null, groupBy: [], autoResolve: true, urgency: 'high', ackTimeoutMinutes: null, routingName: null,
      noise: { lateCopySeconds: 120, flapping: { enabled: true, changes: 4, windowSeconds: 1800 }, storm: { enabled: true, incidents: 5, windowSeconds: 300, quietSeconds: 600 } },
    };
    const changed = { ...settings, description: 'now described', urgency: 'low' };
    // newest first
    expect(res.body.items).toEqual([
      { ...bootstrap, id: expect.any(String), createdAt: expect.any(String), action: 'service.delete', before: changed, after: null },
      { ...bootstrap, id: expect.any(String), createdAt: expect.any(String), action: 'service.update', before: settings, after: changed },
      { ...bootstrap, id: expect.any(String), createdAt: expect.any(String), action: 'service.create', before: null, after: settings },
    ]);
  });

  // ha: names instead of ids (issue 22 "Messages")
  it('names the actor, the changed thing and every id inside before/after, as named now (deleted things as last recorded)', async () => {
    const team = (await api.admin('POST', '/api/v1/teams', { name: 'Named team' })).body;
    const lead = await api.createUser({ name: 'Nora Lead', role: 'admin', teams: { [team.id]: 'lead' } });
    const schedule = (
      await api.admin('POST', '/api/v1/schedules', {
        name: 'Named rota', teamId: team.id, timeZone: 'UTC',
        layers: [{ name: 'Weekly', members: [lead.id], rotation: { type: 'weekly', shiftLength: 1 }, start: '2026-11-30T09:00:00Z' }],
      })
    ).body;
    const gone = (await api.admin('POST', '/api/v1/teams', { name: 'Gone team' })).body;
    await api.admin('DELETE', `/api/v1/teams/${gone.id}`);
    const policy = (await lead.call('POST', '/api/v1/escalation-policies', { name: 'Named policy', teamId: team.id, repeat: 0, steps: [{ delayMinutes: 5, targets: [{ type: 'schedule', id: schedule.id }] }] })).body;
    await lead.call('PATCH', `/api/v1/teams/${team.id}`, { name: 'Renamed team' });
    const res = await api.admin('GET', `/api/v1/audit-log?entityType=escalation_policy&entityId=${policy.id}`);
    expect(res.status).toBe(200);
    const [created] = res.body.items;
    expect(created).toMatchObject({
      actor: `user:${lead.id}`, actorName: 'Nora Lead', entityId: policy.id, entityName: 'Named policy',
      // the team's name now, not when the policy was made
      names: { [team.id]: 'Renamed team', [schedule.id]: 'Named rota', [policy.id]: 'Named policy' },
    });
    const deleted = (await api.admin('GET', `/api/v1/audit-log?entityType=team&entityId=${gone.id}`)).body.items;
    expect(deleted.map((e: { entityName: string }) => e.entityName)).toEqual(['Gone team', 'Gone team']);
  });

  it('never records secrets: integration keys, their Alertmanager credentials, API keys, invites, passwords', async () => {
    const svc = (await api.admin('POST', '/api/v1/services', { name: 'secretive' })).body;
    const ik = (
      await api.admin('POST', `/api/v1/services/${svc.id}/integration-keys`, {
        type: 'alertmanager',
        alertmanager: { url: 'http://am:9093', auth: { type: 'basic', username: 'am', password: 'am-password-123' } },
      })
    ).body;
    const key = (await api.admin('POST', '/api/v1/api-keys', { name: 'k', role: 'viewer' })).body;
    const user = await api.createUser({ name: 'Secret keeper' });
    const invite = (await api.admin('POST', `/api/v1/users/${user.id}/invite`)).body;
    await user.call('POST', '/api/v1/auth/change-password', { currentPassword: user.password, newPassword: 'another long passphrase' });
    const entries = await api.db.prisma.auditLogEntry.findMany();
    const text = JSON.stringify(entries);
    const hashes = [
      (await api.db.prisma.integrationKey.findUniqueOrThrow({ where: { id: ik.id } })).secretHash,
      (await api.db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).secretHash,
      (await api.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!,
    ];
    for (const secret of [ik.key, key.key, invite.token, 'am-password-123', user.password, 'another long passphrase', ...hashes]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain('argon2');
    const passwordChange = entries.find((e) => e.action === 'user.change_password');
    expect(passwordChange).toMatchObject({ actor: `user:${user.id}`, actorDisplay: 'Secret keeper', credential: 'session', entityId: user.id });
    const accepted = entries.find((e) => e.action === 'user.accept_invite' && e.entityId === user.id);
    expect(accepted).toMatchObject({ actor: `user:${user.id}`, credential: 'invite', before: { hasPassword: false }, after: { hasPassword: true } });
  });

  it('a change that fails writes no entry (the entry is in the change\'s transaction)', async () => {
    const name = `dup-${randomUUID()}`;
    await api.admin('POST', '/api/v1/teams', { name });
    const before = await api.db.prisma.auditLogEntry.count();
    expect((await api.admin('POST', '/api/v1/teams', { name })).status).toBe(409);
    expect((await api.admin('POST', '/api/v1/teams', { name: 'x', members: [{ userId: randomUUID(), role: 'lead' }] })).status).toBe(400);
    expect(await api.db.prisma.auditLogEntry.count()).toBe(before);
  });

  it('filters by actor, entity type and time, and pages newest first', async () => {
    const user = await api.createUser({ name: 'Filterer', role: 'admin' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await user.call('POST', '/api/v1/teams', { name: `page-${i}-${randomUUID()}` })).body.id);
    const actor = encodeURIComponent(`user:${user.id}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: { entityId: string }[]; nextCursor: string | null } } = await api.admin(
        'GET',
        `/api/v1/audit-log?actor=${actor}&entityType=team&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((e) => e.entityId));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    const all = (await api.admin('GET', `/api/v1/audit-log?actor=${actor}&entityType=team`)).body.items as { createdAt: string }[];
    const middle = all[2]!.createdAt;
    const since = (await api.admin('GET', `/api/v1/audit-log?actor=${actor}&entityType=team&since=${middle}`)).body.items;
    const until = (await api.admin('GET', `/api/v1/audit-log?actor=${actor}&entityType=team&until=${middle}`)).body.items;
    // since is inclusive, until exclusive: together they are everything, once
    expect(since.length + until.length).toBe(5);
    expect(since.at(-1).createdAt).toBe(middle);
  });

  it('answers 400 naming a bad filter, and 403 to anyone but admins', async () => {
    const bad = await api.admin('GET', '/api/v1/audit-log?entityType=planet&since=yesterday');
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['entityType', 'since']);
    const team = (await api.admin('POST', '/api/v1/teams', { name: `readers-${randomUUID()}` })).body;
    const lead = await api.createUser({ name: 'Curious lead', teams: { [team.id]: 'lead' } });
    const refused = await lead.call('GET', '/api/v1/audit-log');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Only admins can read the audit log');
  });
});
