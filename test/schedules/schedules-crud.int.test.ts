// The schedules API through real HTTP and Postgres: create, read, list, change
// and delete; 400s that name the field (the core validator's rules and the
// database's: users that exist and may be on call); 404s; who may change what;
// and edits by two leads at once, which must be detected, never overwritten.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { paths, scheduleBody, teamWithPeople, weeklyLayer, type TeamWithPeople } from './schedule-fixtures';

let api: TestApi;
let A: TeamWithPeople;
let B: TeamWithPeople;

beforeAll(async () => {
  api = await startTestApi();
  A = await teamWithPeople(api, 'Collector');
  B = await teamWithPeople(api, 'Payments');
});
afterAll(async () => {
  await api?.close();
});

const members = () => [A.alice.id, A.bob.id, A.carol.id];

async function create(extra: Record<string, unknown> = {}) {
  const res = await A.lead.call('POST', '/api/v1/schedules', scheduleBody(A.team.id, [weeklyLayer(members())], extra));
  expect(res.status).toBe(201);
  return res;
}

describe('creating and reading a schedule', () => {
  it('answers 201 with the schedule, version 1, its ETag and Location; GET answers the same', async () => {
    const body = scheduleBody(A.team.id, [weeklyLayer(members())], { description: 'Collector on-call' });
    const res = await A.lead.call('POST', '/api/v1/schedules', body);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      teamId: A.team.id,
      name: body.name,
      description: 'Collector on-call',
      timeZone: 'Europe/Berlin',
      layers: [{ ...weeklyLayer(members()), end: null }],
      version: 1,
      effectiveFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('location')).toBe(`/api/v1/schedules/${res.body.id}`);

    // every authenticated caller reads: a viewer of another team too
    const got = await B.viewer.call('GET', `/api/v1/schedules/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
    expect(got.headers.get('etag')).toBe('"1"');
  });

  it('records the creation in the audit log, with the lead as actor', async () => {
    const { body } = await create();
    const log = await api.admin('GET', `/api/v1/audit-log?entityType=schedule&entityId=${body.id}`);
    expect(log.body.items).toEqual([
      expect.objectContaining({ action: 'schedule.create', actor: `user:${A.lead.id}`, before: null, after: expect.objectContaining({ name: body.name, version: 1 }) }),
    ]);
  });

  it('lists schedules oldest first, by team, a page at a time', async () => {
    const mine = [(await create()).body.id, (await create()).body.id];
    const other = (await B.lead.call('POST', '/api/v1/schedules', scheduleBody(B.team.id, [weeklyLayer([B.alice.id])]))).body.id;

    const ofA: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await A.viewer.call('GET', `/api/v1/schedules?teamId=${A.team.id}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      ofA.push(...page.body.items.map((s: { id: string; teamId: string }) => (expect(s.teamId).toBe(A.team.id), s.id)));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(ofA.slice(-2)).toEqual(mine);
    expect(ofA).not.toContain(other);

    const all = (await A.viewer.call('GET', '/api/v1/schedules?limit=200')).body.items.map((s: { id: string }) => s.id);
    expect(all).toEqual(expect.arrayContaining([...mine, other]));
    expect(paths((await A.viewer.call('GET', '/api/v1/schedules?cursor=nope')).body)).toEqual(['cursor']);
  });
});

describe('400s name the field', () => {
  const post = (body: unknown) => A.lead.call('POST', '/api/v1/schedules', body);
  const layerWith = (extra: Record<string, unknown>) => scheduleBody(A.team.id, [weeklyLayer(members(), extra)]);

  it('unknown users, people outside the team and viewers are named by their place in the layer', async () => {
    const ghost = randomUUID();
    const res = await post(scheduleBody(A.team.id, [weeklyLayer([A.alice.id, ghost]), weeklyLayer([B.alice.id, A.viewer.id])]));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.fields).toEqual([
      { path: 'layers.0.members.1', message: `refers to user ${ghost}, which does not exist` },
      { path: 'layers.1.members.0', message: expect.stringContaining(`who is not in team ${A.team.name}`) },
      { path: 'layers.1.members.1', message: expect.stringContaining(`a viewer of team ${A.team.name}`) },
    ]);
    expect(res.body.error.message).toBe(`Request body is invalid: layers.0.members.1 refers to user ${ghost}, which does not exist (and 2 more problems)`);
  });

  it.each([
    ['an empty layer', layerWithMembers([]), 'layers.0.members'],
    ['no layers', { layers: [] }, 'layers'],
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }, 'timeZone'],
    ['an end before the start', { end: '2026-03-01T00:00:00Z' }, 'layers.0.end'],
    ['a start without an offset', { start: '2026-03-16T09:00:00' }, 'layers.0.start'],
    ['a zero-length window', { restrictions: [{ type: 'daily', start: '09:00', end: '09:00' }] }, 'layers.0.restrictions.0.end'],
    ['a time that is no time', { restrictions: [{ type: 'daily', start: '25:00', end: '09:00' }] }, 'layers.0.restrictions.0.start'],
    ['a weekday that is none', { restrictions: [{ type: 'weekly', start: { weekday: 'funday', time: '09:00' }, end: { weekday: 'friday', time: '17:00' } }] }, 'layers.0.restrictions.0.start.weekday'],
    ['a restriction of no known type', { restrictions: [{ type: 'monthly', start: '09:00', end: '17:00' }] }, 'layers.0.restrictions.0.type'],
    ['a fractional daily shift', { rotation: { type: 'daily', shiftLength: 1.5 } }, 'layers.0.rotation.shiftLength'],
    ['an unknown rotation', { rotation: { type: 'fortnightly', shiftLength: 1 } }, 'layers.0.rotation.type'],
    ['an unknown field', { colour: 'red' }, 'layers.0.colour'],
  ])('%s', async (_what, change, path) => {
    const body = 'layers' in change || 'timeZone' in change ? scheduleBody(A.team.id, [weeklyLayer(members())], change) : layerWith(change);
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(paths(res.body)).toEqual([path]);
  });

  it('a team that does not exist, or none at all', async () => {
    const missing = randomUUID();
    const res = await post(scheduleBody(missing, [weeklyLayer(members())]));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'teamId', message: `refers to team ${missing}, which does not exist` }]);
    const { teamId: _t, ...noTeam } = scheduleBody(A.team.id, [weeklyLayer(members())]);
    expect(paths((await post(noTeam)).body)).toEqual(['teamId']);
  });

  function layerWithMembers(list: string[]) {
    return { members: list };
  }
});

describe('who may change schedules', () => {
  it('responders, viewers and leads of another team are refused with the reason, and nothing is written', async () => {
    const body = scheduleBody(A.team.id, [weeklyLayer(members())]);
    for (const who of [A.alice, A.viewer, B.lead]) {
      const res = await who.call('POST', '/api/v1/schedules', body);
      expect(res.status).toBe(403);
      expect(res.body.error).toEqual({ code: 'forbidden', message: `Only leads of team ${A.team.name} or admins can create schedules in team ${A.team.name}`, fields: [] });
    }
    expect(await api.db.prisma.schedule.count({ where: { name: body.name } })).toBe(0);

    const { body: schedule } = await create();
    const patch = await B.lead.call('PATCH', `/api/v1/schedules/${schedule.id}`, { name: 'mine now' }, { 'if-match': '"1"' });
    expect(patch.status).toBe(403);
    expect(patch.body.error.message).toBe(`Only leads of team ${A.team.name} or admins can change schedule ${schedule.name}`);
    const del = await A.alice.call('DELETE', `/api/v1/schedules/${schedule.id}`);
    expect(del.status).toBe(403);
    expect(del.body.error.message).toBe(`Only leads of team ${A.team.name} or admins can delete schedule ${schedule.name}`);
    expect((await api.admin('GET', `/api/v1/schedules/${schedule.id}`)).body).toEqual(schedule);
  });

  it('an admin (the bootstrap key) and a lead-scoped API key of the team may', async () => {
    const key = await api.createApiKey({ role: 'lead', teamId: A.team.id });
    expect((await api.withKey(key.secret)('POST', '/api/v1/schedules', scheduleBody(A.team.id, [weeklyLayer(members())]))).status).toBe(201);
    expect((await api.admin('POST', '/api/v1/schedules', scheduleBody(A.team.id, [weeklyLayer(members())]))).status).toBe(201);
  });
});

describe('404s', () => {
  it('for an unknown or malformed id, on every route of a schedule', async () => {
    const id = randomUUID();
    const notFound = { error: { code: 'not_found', message: `Schedule ${id} does not exist`, fields: [] } };
    for (const [method, path, body] of [
      ['GET', ''],
      ['PATCH', '', { name: 'x', version: 1 }],
      ['DELETE', ''],
      ['GET', '/on-call'],
      ['GET', '/shifts?from=2026-03-16T00:00:00Z&to=2026-03-17T00:00:00Z'],
      ['GET', '/gaps?from=2026-03-16T00:00:00Z&to=2026-03-17T00:00:00Z'],
      ['POST', '/preview', {}],
      ['GET', '/overrides'],
      ['POST', '/overrides', { userId: A.alice.id, start: '2036-03-16T00:00:00Z', end: '2036-03-17T00:00:00Z' }],
      ['POST', '/calendar-feed'],
    ] as const) {
      const res = await A.lead.call(method, `/api/v1/schedules/${id}${path}`, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body, `${method} ${path}`).toEqual(notFound);
    }
    const malformed = await A.lead.call('GET', '/api/v1/schedules/not-a-uuid');
    expect(malformed.status).toBe(404);
    expect(malformed.body.error.message).toBe('Schedule not-a-uuid does not exist');
  });
});

describe('changing a schedule', () => {
  it('needs the version it is based on: 428 without If-Match or version, and nothing changes', async () => {
    const { body: schedule } = await create();
    const res = await A.lead.call('PATCH', `/api/v1/schedules/${schedule.id}`, { name: 'renamed' });
    expect(res.status).toBe(428);
    expect(res.body.error.code).toBe('precondition_required');
    expect(res.body.error.message).toContain('If-Match: "1"');
    expect((await A.lead.call('GET', `/api/v1/schedules/${schedule.id}`)).body.name).toBe(schedule.name);
  });

  it('two leads editing at once: the second is told (412 with If-Match, 409 with version), never overwrites', async () => {
    const otherLead = await api.createUser({ name: 'Second lead', teams: { [A.team.id]: 'lead' } });
    const { body: schedule } = await create();
    const url = `/api/v1/schedules/${schedule.id}`;
    // both read version 1
    const etag1 = (await A.lead.call('GET', url)).headers.get('etag')!;
    expect((await otherLead.call('GET', url)).headers.get('etag')).toBe(etag1);

    const first = await A.lead.call('PATCH', url, { layers: [weeklyLayer([A.bob.id, A.alice.id])] }, { 'if-match': etag1 });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    expect(first.headers.get('etag')).toBe('"2"');

    const stale = await otherLead.call('PATCH', url, { layers: [weeklyLayer([A.carol.id])] }, { 'if-match': etag1 });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('precondition_failed');
    expect(stale.body.error.message).toContain('version 2');

    const staleBody = await otherLead.call('PATCH', url, { layers: [weeklyLayer([A.carol.id])], version: 1 });
    expect(staleBody.status).toBe(409);
    expect(staleBody.body.error.code).toBe('conflict');
    expect(staleBody.body.error.message).toContain('based on version 1');

    // the first lead's change stands
    expect((await api.admin('GET', url)).body.layers[0].members).toEqual([A.bob.id, A.alice.id]);

    // after reading again, the second lead's change goes through
    const fresh = await otherLead.call('PATCH', url, { layers: [weeklyLayer([A.carol.id])], version: 2 });
    expect(fresh.status).toBe(200);
    expect(fresh.body.version).toBe(3);
    const log = await api.admin('GET', `/api/v1/audit-log?entityType=schedule&entityId=${schedule.id}`);
    expect(log.body.items.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
      ['schedule.update', `user:${otherLead.id}`],
      ['schedule.update', `user:${A.lead.id}`],
      ['schedule.create', `user:${A.lead.id}`],
    ]);
  });

  it('If-Match: * and lists of ETags follow RFC 9110; a weak ETag never matches', async () => {
    const { body: schedule } = await create();
    const url = `/api/v1/schedules/${schedule.id}`;
    expect((await A.lead.call('PATCH', url, { name: 'a' }, { 'if-match': 'W/"1"' })).status).toBe(412);
    expect((await A.lead.call('PATCH', url, { name: 'b' }, { 'if-match': '"7", "1"' })).status).toBe(200);
    expect((await A.lead.call('PATCH', url, { name: 'c' }, { 'if-match': '*' })).body).toMatchObject({ name: 'c', version: 3 });
  });

  it('name and description change without a new revision; the same values change nothing', async () => {
    const { body: schedule } = await create();
    const url = `/api/v1/schedules/${schedule.id}`;
    const renamed = await A.lead.call('PATCH', url, { name: 'Collector secondary', description: null, version: 1 });
    expect(renamed.body).toMatchObject({ name: 'Collector secondary', description: null, version: 2, effectiveFrom: schedule.effectiveFrom });
    const same = await A.lead.call('PATCH', url, { name: 'Collector secondary', layers: schedule.layers, version: 2 });
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(2);
    expect(await api.db.prisma.scheduleRevision.count({ where: { scheduleId: schedule.id } })).toBe(1);
  });

  it('a changed definition gets the same 400s as a new one, and unknown fields are refused', async () => {
    const { body: schedule } = await create();
    const url = `/api/v1/schedules/${schedule.id}`;
    const bad = await A.lead.call('PATCH', url, { layers: [weeklyLayer([]), weeklyLayer([randomUUID()])], version: 1 });
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(['layers.0.members']);
    const unknown = await A.lead.call('PATCH', url, { layers: [weeklyLayer([randomUUID()])], version: 1 });
    expect(paths(unknown.body)).toEqual(['layers.0.members.0']);
    expect(paths((await A.lead.call('PATCH', url, { teamId: B.team.id, version: 1 })).body)).toEqual(['teamId']);
    expect(paths((await A.lead.call('PATCH', url, { timeZone: 'Mars/Olympus', version: 1 })).body)).toEqual(['timeZone']);
    expect(paths((await A.lead.call('PATCH', url, { version: 0 })).body)).toEqual(['version']);
  });
});

describe('deleting a schedule', () => {
  it('answers 204, then 404; the audit log keeps what it was', async () => {
    const { body: schedule } = await create();
    const url = `/api/v1/schedules/${schedule.id}`;
    expect((await A.lead.call('DELETE', url)).status).toBe(204);
    expect((await A.lead.call('GET', url)).status).toBe(404);
    expect((await A.lead.call('DELETE', url)).status).toBe(404);
    const log = await api.admin('GET', `/api/v1/audit-log?entityType=schedule&entityId=${schedule.id}`);
    expect(log.body.items[0]).toMatchObject({ action: 'schedule.delete', before: { name: schedule.name }, after: null });
  });

  it('is refused (409 naming them) while an escalation policy pages the schedule', async () => {
    const { body: schedule } = await create();
    const url = `/api/v1/schedules/${schedule.id}`;
    const policy = await A.lead.call('POST', '/api/v1/escalation-policies', {
      name: 'Collector paging',
      teamId: A.team.id,
      steps: [{ delayMinutes: 15, targets: [{ type: 'schedule', id: schedule.id }] }],
    });
    expect(policy.status).toBe(201);
    const refused = await A.lead.call('DELETE', url);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      `Cannot delete schedule ${schedule.name}: escalation policies page it (Collector paging); take it out of their steps first`,
    );
    expect((await A.lead.call('DELETE', `/api/v1/escalation-policies/${policy.body.id}`)).status).toBe(204);
    expect((await A.lead.call('DELETE', url)).status).toBe(204);
  });
});
