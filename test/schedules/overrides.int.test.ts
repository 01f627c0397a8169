// Overrides through the API: who may put whom on call (a responder only
// themselves), what an override must be (a user of the team, an end after its
// start and after now), that it wins over every layer in on-call and shifts, and
// that removing one never rewrites the past (PagerDuty's rule: a future one is
// deleted, a running one ends now, a past one stays). The clock is the test's.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { paths, scheduleBody, teamWithPeople, weeklyLayer, type TeamWithPeople } from './schedule-fixtures';

let clock = new Date('2026-03-18T12:00:00.000Z'); // a Wednesday
let api: TestApi;
let A: TeamWithPeople;
let B: TeamWithPeople;

beforeAll(async () => {
  api = await startTestApi({ now: () => clock });
  A = await teamWithPeople(api, 'Collector');
  B = await teamWithPeople(api, 'Payments');
});
afterAll(async () => {
  await api?.close();
});

async function schedule() {
  clock = new Date('2026-03-18T12:00:00.000Z');
  const res = await A.lead.call('POST', '/api/v1/schedules', scheduleBody(A.team.id, [weeklyLayer([A.alice.id, A.bob.id])]));
  expect(res.status).toBe(201);
  return res.body as { id: string; name: string };
}

const override = (userId: string, start: string, end: string) => ({ userId, start, end });

describe('who may add overrides', () => {
  it('a responder takes a shift for themselves; it wins over the layers in on-call and shifts', async () => {
    const s = await schedule();
    // Bob's week (the second), Tuesday 10:00-14:00 Berlin
    const res = await A.carol.call('POST', `/api/v1/schedules/${s.id}/overrides`, override(A.carol.id, '2026-03-24T10:00:00+01:00', '2026-03-24T14:00:00+01:00'));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      scheduleId: s.id,
      user: { id: A.carol.id, name: 'Carol' },
      start: '2026-03-24T09:00:00.000Z',
      end: '2026-03-24T13:00:00.000Z',
      createdAt: expect.any(String),
      createdBy: `user:${A.carol.id}`,
    });
    expect(res.headers.get('location')).toBe(`/api/v1/schedules/${s.id}/overrides/${res.body.id}`);

    const onCall = await A.viewer.call('GET', `/api/v1/schedules/${s.id}/on-call?at=2026-03-24T10:00:00Z`);
    expect(onCall.body.users).toEqual([{ id: A.carol.id, name: 'Carol' }]);
    expect(onCall.body.because).toEqual([
      { kind: 'override', overrideIndex: 0, overrideId: res.body.id, userId: A.carol.id, start: '2026-03-24T09:00:00.000Z', end: '2026-03-24T13:00:00.000Z' },
    ]);
    const shifts = await A.viewer.call('GET', `/api/v1/schedules/${s.id}/shifts?from=2026-03-24T08:00:00Z&to=2026-03-24T14:00:00Z`);
    expect(shifts.body.shifts.map((x: { start: string; end: string; users: { name: string }[] }) => [x.start, x.end, x.users.map((u) => u.name)])).toEqual([
      ['2026-03-24T08:00:00.000Z', '2026-03-24T09:00:00.000Z', ['Bob']],
      ['2026-03-24T09:00:00.000Z', '2026-03-24T13:00:00.000Z', ['Carol']],
      ['2026-03-24T13:00:00.000Z', '2026-03-24T14:00:00.000Z', ['Bob']],
    ]);
    const log = await api.admin('GET', `/api/v1/audit-log?entityType=schedule_override&entityId=${res.body.id}`);
    expect(log.body.items).toEqual([expect.objectContaining({ action: 'schedule_override.create', actor: `user:${A.carol.id}`, before: null })]);
  });

  it('a responder putting someone else on call is refused with the reason; so are viewers and leads of another team', async () => {
    const s = await schedule();
    const body = override(A.bob.id, '2026-03-24T10:00:00Z', '2026-03-24T11:00:00Z');
    const responder = await A.alice.call('POST', `/api/v1/schedules/${s.id}/overrides`, body);
    expect(responder.status).toBe(403);
    expect(responder.body.error.message).toBe(
      `Responders of team ${A.team.name} may add overrides for themselves only; Bob's need a lead of team ${A.team.name} or an admin (schedule ${s.name})`,
    );
    const otherLead = await B.lead.call('POST', `/api/v1/schedules/${s.id}/overrides`, body);
    expect(otherLead.status).toBe(403);
    expect(otherLead.body.error.message).toBe(`Only leads of team ${A.team.name} (and its responders, for themselves) or admins can add overrides of schedule ${s.name}`);
    const viewer = await A.viewer.call('POST', `/api/v1/schedules/${s.id}/overrides`, override(A.viewer.id, '2026-03-24T10:00:00Z', '2026-03-24T11:00:00Z'));
    expect(viewer.status).toBe(403);
    expect(await api.db.prisma.scheduleOverride.count({ where: { scheduleId: s.id } })).toBe(0);

    // a lead puts anyone of the team on call
    expect((await A.lead.call('POST', `/api/v1/schedules/${s.id}/overrides`, body)).status).toBe(201);
  });
});

describe('what an override must be (400 naming the field)', () => {
  it('a user who exists and is a responder or lead of the team; an end after the start and after now', async () => {
    const s = await schedule();
    const url = `/api/v1/schedules/${s.id}/overrides`;
    const post = (body: unknown) => A.lead.call('POST', url, body);
    const ghost = randomUUID();
    const unknown = await post(override(ghost, '2026-03-24T10:00:00Z', '2026-03-24T11:00:00Z'));
    expect(unknown.body.error.fields).toEqual([{ path: 'userId', message: `refers to user ${ghost}, which does not exist` }]);
    const outsider = await post(override(B.alice.id, '2026-03-24T10:00:00Z', '2026-03-24T11:00:00Z'));
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.fields[0]).toMatchObject({ path: 'userId', message: expect.stringContaining(`not in team ${A.team.name}`) });
    expect(paths((await post(override(A.viewer.id, '2026-03-24T10:00:00Z', '2026-03-24T11:00:00Z'))).body)).toEqual(['userId']);
    expect(paths((await post(override(A.bob.id, '2026-03-24T10:00:00Z', '2026-03-24T09:00:00Z'))).body)).toEqual(['end']);
    expect(paths((await post(override(A.bob.id, '2026-03-24T10:00:00Z', '2026-03-24T10:00:00Z'))).body)).toEqual(['end']);
    expect(paths((await post(override(A.bob.id, 'tomorrow', '2026-03-24T10:00:00Z'))).body)).toEqual(['start']);
    expect(paths((await post(override(A.bob.id, '2026-03-24T10:00:00', '2026-03-24T11:00:00Z'))).body)).toEqual(['start']);
    expect(paths((await post({ userId: A.bob.id, start: '2026-03-24T10:00:00Z' })).body)).toEqual(['end']);
    expect(paths((await post({ ...override(A.bob.id, '2026-03-24T10:00:00Z', '2026-03-24T11:00:00Z'), layer: 1 })).body)).toEqual(['layer']);

    const past = await post(override(A.bob.id, '2026-03-17T10:00:00Z', '2026-03-18T11:00:00Z'));
    expect(past.status).toBe(400);
    expect(past.body.error.fields).toEqual([{ path: 'end', message: 'must be in the future (now is 2026-03-18T12:00:00.000Z): past shifts stay as they were', params: { now: '2026-03-18T12:00:00.000Z' } }]);
  });

  it('a start before now is moved to now: the past stays as it was', async () => {
    const s = await schedule();
    const res = await A.lead.call('POST', `/api/v1/schedules/${s.id}/overrides`, override(A.bob.id, '2026-03-18T08:00:00Z', '2026-03-18T16:00:00Z'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ start: '2026-03-18T12:00:00.000Z', end: '2026-03-18T16:00:00.000Z' });
    expect((await A.lead.call('GET', `/api/v1/schedules/${s.id}/on-call?at=2026-03-18T11:00:00Z`)).body.users[0].name).toBe('Alice');
    expect((await A.lead.call('GET', `/api/v1/schedules/${s.id}/on-call?at=2026-03-18T12:00:00Z`)).body.users[0].name).toBe('Bob');
  });

  it('where overrides overlap, the later-created wins', async () => {
    const s = await schedule();
    const url = `/api/v1/schedules/${s.id}/overrides`;
    await A.lead.call('POST', url, override(A.bob.id, '2026-03-20T10:00:00Z', '2026-03-20T14:00:00Z'));
    await A.lead.call('POST', url, override(A.carol.id, '2026-03-20T11:00:00Z', '2026-03-20T12:00:00Z'));
    const at = async (t: string) => (await A.lead.call('GET', `/api/v1/schedules/${s.id}/on-call?at=${t}`)).body.users[0].name;
    expect([await at('2026-03-20T10:30:00Z'), await at('2026-03-20T11:30:00Z'), await at('2026-03-20T12:30:00Z')]).toEqual(['Bob', 'Carol', 'Bob']);
  });
});

describe('listing overrides', () => {
  it('those overlapping [from (default now), to), by start, a page at a time', async () => {
    const s = await schedule();
    const url = `/api/v1/schedules/${s.id}/overrides`;
    const ids: string[] = [];
    for (const day of ['22', '20', '21']) {
      ids.push((await A.lead.call('POST', url, override(A.bob.id, `2026-03-${day}T10:00:00Z`, `2026-03-${day}T11:00:00Z`))).body.id);
    }
    const [d22, d20, d21] = ids;
    const all = await A.viewer.call('GET', url);
    expect(all.body.items.map((o: { id: string }) => o.id)).toEqual([d20, d21, d22]);
    expect(all.body.nextCursor).toBeNull();

    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await A.viewer.call('GET', `${url}?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      walked.push(...page.body.items.map((o: { id: string }) => o.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(walked).toEqual([d20, d21, d22]);

    const window = await A.viewer.call('GET', `${url}?from=2026-03-20T10:30:00Z&to=2026-03-22T10:00:00Z`);
    expect(window.body.items.map((o: { id: string }) => o.id)).toEqual([d20, d21]);
    expect(paths((await A.viewer.call('GET', `${url}?cursor=garbage`)).body)).toEqual(['cursor']);
    expect(paths((await A.viewer.call('GET', `${url}?from=soon`)).body)).toEqual(['from']);
  });
});

describe('removing an override leaves the past alone', () => {
  it('one that has not begun is deleted (204); one running ends now (200); one that is over stays (409)', async () => {
    const s = await schedule();
    const url = `/api/v1/schedules/${s.id}/overrides`;
    const future = (await A.lead.call('POST', url, override(A.bob.id, '2026-03-18T13:00:00Z', '2026-03-18T14:00:00Z'))).body;
    const later = (await A.lead.call('POST', url, override(A.bob.id, '2026-03-18T15:00:00Z', '2026-03-18T17:00:00Z'))).body;

    expect((await A.lead.call('DELETE', `${url}/${future.id}`)).status).toBe(204);
    expect((await A.lead.call('DELETE', `${url}/${future.id}`)).status).toBe(404);

    clock = new Date('2026-03-18T16:00:00.000Z'); // `later` is running
    const ended = await A.lead.call('DELETE', `${url}/${later.id}`);
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ id: later.id, start: '2026-03-18T15:00:00.000Z', end: '2026-03-18T16:00:00.000Z' });
    expect((await A.lead.call('GET', `/api/v1/schedules/${s.id}/on-call?at=2026-03-18T15:30:00Z`)).body.users[0].name).toBe('Bob');
    expect((await A.lead.call('GET', `/api/v1/schedules/${s.id}/on-call?at=2026-03-18T16:00:00Z`)).body.users[0].name).toBe('Alice');

    const over = await A.lead.call('DELETE', `${url}/${later.id}`);
    expect(over.status).toBe(409);
    expect(over.body.error.message).toBe(
      `Cannot remove override ${later.id} of schedule ${s.name}: it ended at 2026-03-18T16:00:00.000Z, and past shifts stay as they were`,
    );

    const log = await api.admin('GET', `/api/v1/audit-log?entityType=schedule_override&entityId=${later.id}`);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(['schedule_override.end', 'schedule_override.create']);
  });

  it('a responder removes their own, not someone else\'s; an override of another schedule is a 404', async () => {
    const s = await schedule();
    const url = `/api/v1/schedules/${s.id}/overrides`;
    const alices = (await A.alice.call('POST', url, override(A.alice.id, '2026-03-25T10:00:00Z', '2026-03-25T11:00:00Z'))).body;
    const bobs = (await A.lead.call('POST', url, override(A.bob.id, '2026-03-25T12:00:00Z', '2026-03-25T13:00:00Z'))).body;
    const refused = await A.alice.call('DELETE', `${url}/${bobs.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('may remove overrides for themselves only');
    expect((await A.alice.call('DELETE', `${url}/${alices.id}`)).status).toBe(204);

    const other = await schedule();
    const wrong = await A.lead.call('DELETE', `/api/v1/schedules/${other.id}/overrides/${bobs.id}`);
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.message).toBe(`Override ${bobs.id} does not exist`);
  });
});
