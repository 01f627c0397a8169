// Users and teams through real HTTP: validation that names the field, unique
// emails (any case) and team names, IANA time zones, membership replaced as a
// whole, and what deleting takes along.
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

const fieldPaths = (body: { error: { fields: { path: string }[] } }) => body.error.fields.map((f) => f.path);

describe('users', () => {
  it('creates a user with defaults, shows it, lists it, and never shows a password hash', async () => {
    const res = await api.admin('POST', '/api/v1/users', { name: 'Grace Hopper', email: 'grace@example.test' });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/users/${res.body.id}`);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Grace Hopper',
      email: 'grace@example.test',
      timeZone: 'UTC',
      role: 'user',
      hasPassword: false,
      slackUserId: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect((await api.admin('GET', `/api/v1/users/${res.body.id}`)).body).toEqual(res.body);
    const list = await api.admin('GET', '/api/v1/users?limit=200');
    expect(list.body.items).toContainEqual(res.body);
    expect(JSON.stringify(list.body)).not.toMatch(/argon2|passwordHash/);
  });

  it('answers 400 naming each bad field: email, time zone, role, unknown fields', async () => {
    const res = await api.admin('POST', '/api/v1/users', { name: '', email: 'not-an-email', timeZone: 'Mars/Olympus_Mons', role: 'root', shoe: 42 });
    expect(res.status).toBe(400);
    expect(fieldPaths(res.body)).toEqual(['name', 'email', 'timeZone', 'role', 'shoe']);
    expect(res.body.error.fields[2].message).toBe('must be an IANA time zone such as Europe/Berlin (not "Mars/Olympus_Mons")');
    const offset = await api.admin('POST', '/api/v1/users', { name: 'x', email: 'x@example.test', timeZone: '+02:00' });
    expect(fieldPaths(offset.body)).toEqual(['timeZone']);
  });

  it('keeps emails unique regardless of case: 409 naming email', async () => {
    await api.admin('POST', '/api/v1/users', { name: 'Linus', email: 'linus@example.test' });
    const res = await api.admin('POST', '/api/v1/users', { name: 'Linus 2', email: 'LINUS@Example.test' });
    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({
      code: 'conflict',
      message: 'A user with email linus@example.test already exists',
      fields: [{ path: 'email', message: 'is taken by another user' }],
    });
    const other = (await api.admin('POST', '/api/v1/users', { name: 'Other', email: 'other@example.test' })).body;
    expect((await api.admin('PATCH', `/api/v1/users/${other.id}`, { email: 'Linus@example.test' })).status).toBe(409);
  });

  it('PATCH changes only the fields given; a user may change their own name and time zone but not their role', async () => {
    const me = await api.createUser({ name: 'Self' });
    const res = await me.call('PATCH', `/api/v1/users/${me.id}`, { name: 'Self Renamed', timeZone: 'america/new_york' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Self Renamed', timeZone: 'America/New_York', email: me.email, role: 'user' });
    const promote = await me.call('PATCH', `/api/v1/users/${me.id}`, { role: 'admin', email: 'new@example.test' });
    expect(promote.status).toBe(403);
    expect(promote.body.error.message).toBe("Only admins can change a user's email and role; you may change your own name and timeZone");
    expect((await api.admin('PATCH', `/api/v1/users/${me.id}`, { role: 'admin' })).body.role).toBe('admin');
    // the new role counts from the next request on
    expect((await me.call('POST', '/api/v1/teams', { name: `by-${randomUUID()}` })).status).toBe(201);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    const id = randomUUID();
    expect((await api.admin('GET', `/api/v1/users/${id}`)).body.error.message).toBe(`User ${id} does not exist`);
    expect((await api.admin('PATCH', `/api/v1/users/${id}`, { name: 'x' })).status).toBe(404);
    expect((await api.admin('DELETE', `/api/v1/users/${id}`)).status).toBe(404);
    expect((await api.admin('POST', `/api/v1/users/${id}/invite`)).status).toBe(404);
    expect((await api.admin('GET', '/api/v1/users/nope')).status).toBe(404);
  });

  it('DELETE removes the user with their memberships and sessions; their cookie gets 401', async () => {
    const team = (await api.admin('POST', '/api/v1/teams', { name: `t-${randomUUID()}` })).body;
    const gone = await api.createUser({ name: 'Gone', teams: { [team.id]: 'responder' } });
    expect((await api.admin('DELETE', `/api/v1/users/${gone.id}`)).status).toBe(204);
    expect((await api.admin('GET', `/api/v1/users/${gone.id}`)).status).toBe(404);
    expect((await api.admin('GET', `/api/v1/teams/${team.id}`)).body.members).toEqual([]);
    expect((await gone.call('GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('pages through users in creation order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await api.admin('GET', `/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.items.map((u) => u.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    const all = await api.db.prisma.user.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true } });
    expect(seen).toEqual(all.map((u) => u.id));
  });
});

describe('teams', () => {
  it('creates a team with members, shows them by name, and replaces the whole membership on PATCH', async () => {
    const [ann, bob, cid] = await Promise.all(
      ['Ann', 'Bob', 'Cid'].map(async (name) => (await api.admin('POST', '/api/v1/users', { name, email: `${name.toLowerCase()}-${randomUUID()}@example.test` })).body),
    );
    const name = `SRE ${randomUUID().slice(0, 6)}`;
    const res = await api.admin('POST', '/api/v1/teams', { name, members: [{ userId: bob.id, role: 'responder' }, { userId: ann.id, role: 'lead' }] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name,
      members: [
        { userId: ann.id, name: 'Ann', email: ann.email, role: 'lead' },
        { userId: bob.id, name: 'Bob', email: bob.email, role: 'responder' },
      ],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const patched = await api.admin('PATCH', `/api/v1/teams/${res.body.id}`, { members: [{ userId: cid.id, role: 'viewer' }, { userId: ann.id, role: 'lead' }] });
    expect(patched.body.members.map((m: { name: string; role: string }) => `${m.name}:${m.role}`)).toEqual(['Ann:lead', 'Cid:viewer']);
    const renamed = await api.admin('PATCH', `/api/v1/teams/${res.body.id}`, { name: `${name} renamed` });
    expect(renamed.body).toMatchObject({ name: `${name} renamed`, members: patched.body.members });
  });

  it('answers 400 for an unknown member, a member listed twice, or a bad role; 409 for a taken name', async () => {
    const u = (await api.admin('POST', '/api/v1/users', { name: 'Dup', email: `dup-${randomUUID()}@example.test` })).body;
    const ghost = randomUUID();
    const unknown = await api.admin('POST', '/api/v1/teams', { name: `t-${randomUUID()}`, members: [{ userId: u.id, role: 'lead' }, { userId: ghost, role: 'lead' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: 'members.1.userId', message: `refers to user ${ghost}, which does not exist` }]);
    const twice = await api.admin('POST', '/api/v1/teams', { name: 'x', members: [{ userId: u.id, role: 'lead' }, { userId: u.id, role: 'viewer' }] });
    expect(fieldPaths(twice.body)).toEqual(['members.1.userId']);
    const role = await api.admin('POST', '/api/v1/teams', { name: 'x', members: [{ userId: u.id, role: 'owner' }] });
    expect(role.body.error.fields).toEqual([{ path: 'members.0.role', message: 'must be "lead", "responder" or "viewer"' }]);
    const name = `taken-${randomUUID()}`;
    await api.admin('POST', '/api/v1/teams', { name });
    const taken = await api.admin('POST', '/api/v1/teams', { name });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toBe(`A team named ${name} already exists`);
  });

  it('a lead edits the membership of their own team, not of another', async () => {
    const mine = (await api.admin('POST', '/api/v1/teams', { name: `mine-${randomUUID()}` })).body;
    const theirs = (await api.admin('POST', '/api/v1/teams', { name: `theirs-${randomUUID()}` })).body;
    const lead = await api.createUser({ name: 'Lead', teams: { [mine.id]: 'lead' } });
    const newbie = (await api.admin('POST', '/api/v1/users', { name: 'Newbie', email: `newbie-${randomUUID()}@example.test` })).body;
    const ok = await lead.call('PATCH', `/api/v1/teams/${mine.id}`, { members: [{ userId: lead.id, role: 'lead' }, { userId: newbie.id, role: 'responder' }] });
    expect(ok.status).toBe(200);
    const refused = await lead.call('PATCH', `/api/v1/teams/${theirs.id}`, { members: [{ userId: lead.id, role: 'lead' }] });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(`Only leads of team ${theirs.name} or admins can change team ${theirs.name}`);
    // the lead's new responder may now act on the team's incidents: membership is read per request
    expect((await api.admin('GET', `/api/v1/teams/${mine.id}`)).body.members).toHaveLength(2);
  });

  it('a service gets a team; deleting the team leaves the service without one (admins only from then on) and removes the keys scoped to it', async () => {
    const team = (await api.admin('POST', '/api/v1/teams', { name: `short-lived-${randomUUID()}` })).body;
    const lead = await api.createUser({ name: 'Short lead', teams: { [team.id]: 'lead' } });
    const svc = (await lead.call('POST', '/api/v1/services', { name: 'owned', teamId: team.id })).body;
    expect(svc.teamId).toBe(team.id);
    const key = await api.createApiKey({ role: 'lead', teamId: team.id });
    expect((await api.admin('DELETE', `/api/v1/teams/${team.id}`)).status).toBe(204);
    expect((await api.admin('GET', `/api/v1/services/${svc.id}`)).body.teamId).toBeNull();
    const refused = await lead.call('PATCH', `/api/v1/services/${svc.id}`, { description: 'still mine?' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Service owned belongs to no team: only admins can change it');
    expect((await api.withKey(key.secret)('GET', '/api/v1/services')).status).toBe(401);
  });

  it('moving a service to another team needs the lead role in both', async () => {
    const a = (await api.admin('POST', '/api/v1/teams', { name: `move-a-${randomUUID()}` })).body;
    const b = (await api.admin('POST', '/api/v1/teams', { name: `move-b-${randomUUID()}` })).body;
    const leadA = await api.createUser({ name: 'Mover', teams: { [a.id]: 'lead' } });
    const svc = (await leadA.call('POST', '/api/v1/services', { name: 'movable', teamId: a.id })).body;
    const refused = await leadA.call('PATCH', `/api/v1/services/${svc.id}`, { teamId: b.id });
    expect(refused.body.error.message).toBe(`Only leads of team ${b.name} or admins can move service movable to team ${b.name}`);
    const detach = await leadA.call('PATCH', `/api/v1/services/${svc.id}`, { teamId: null });
    expect(detach.status).toBe(403);
    const leadBoth = await api.createUser({ name: 'Both', teams: { [a.id]: 'lead', [b.id]: 'lead' } });
    expect((await leadBoth.call('PATCH', `/api/v1/services/${svc.id}`, { teamId: b.id })).body.teamId).toBe(b.id);
  });
});
