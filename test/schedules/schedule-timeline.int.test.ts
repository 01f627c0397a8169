// Who is on call, through the API, against the core resolver itself: on-call,
// shifts and gaps must say exactly what onCallAt/shifts/gaps say for the stored
// schedule (across the Berlin spring change of 2026-03-29); an edit takes effect
// from the moment it is made and leaves every earlier instant as it was; the
// preview of an edit is the resolver's previewChange. Time is a clock the test
// sets (the use cases' ctx.now), never the machine's.
import { gaps as coreGaps } from '@heinrich/core/schedule/gaps';
import { onCallAt } from '@heinrich/core/schedule/on-call-at';
import { previewChange } from '@heinrich/core/schedule/preview-change';
import type { Schedule } from '@heinrich/core/schedule/schedule';
import { shifts as coreShifts } from '@heinrich/core/schedule/shifts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type Caller, type TestApi } from '../support/api-server';
import { paths, scheduleBody, teamWithPeople, type TeamWithPeople } from './schedule-fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let clock = new Date('2026-03-18T12:00:00.000Z');
let api: TestApi;
let A: TeamWithPeople;
/** a lead-scoped API key of team A: keys don't expire when the test moves the clock (sessions would) */
let lead: Caller;

beforeAll(async () => {
  api = await startTestApi({ now: () => clock });
  A = await teamWithPeople(api, 'Collector');
  lead = api.withKey((await api.createApiKey({ role: 'lead', teamId: A.team.id })).secret);
});
afterAll(async () => {
  await api?.close();
});

/** Days 08:00-20:00 Berlin by a daily rotation; weekends by a higher layer; nights are gaps. */
function layers(dayMembers: string[], dayWindow = { start: '08:00', end: '20:00' }) {
  return [
    {
      name: 'days',
      members: dayMembers,
      rotation: { type: 'daily', shiftLength: 1 },
      start: '2026-03-16T09:00:00+01:00',
      restrictions: [{ type: 'daily', ...dayWindow }],
    },
    {
      name: 'weekend',
      members: [A.carol.id],
      rotation: { type: 'weekly', shiftLength: 1 },
      start: '2026-03-14T00:00:00+01:00',
      restrictions: [{ type: 'weekly', start: { weekday: 'saturday', time: '00:00' }, end: { weekday: 'monday', time: '00:00' } }],
    },
  ];
}

/** The core's view of a schedule as the API shows it. */
function coreOf(s: { timeZone: string; layers: { end: string | null; restrictions: unknown[] }[] }): Schedule {
  return {
    timeZone: s.timeZone,
    layers: s.layers.map(({ end, ...layer }) => ({ ...layer, ...(end ? { end } : {}) })) as Schedule['layers'],
  };
}

const brief = (list: { start: string; end: string; users: ({ id: string } | string)[] }[]) =>
  list.map((s) => ({ start: s.start, end: s.end, users: s.users.map((u) => (typeof u === 'string' ? u : u.id)) }));

async function createSchedule(dayMembers = [A.alice.id, A.bob.id, A.carol.id]) {
  const res = await lead('POST', '/api/v1/schedules', scheduleBody(A.team.id, layers(dayMembers)));
  expect(res.status).toBe(201);
  return res.body;
}

describe('on-call, shifts and gaps are the core resolver\'s answers', () => {
  const from = '2026-03-16T00:00:00.000Z';
  const to = '2026-03-31T00:00:00.000Z'; // across the spring change (2026-03-29 02:00 Berlin)

  it('shifts: the same intervals, users (with names) and reasons', async () => {
    const schedule = await createSchedule();
    const res = await A.viewer.call('GET', `/api/v1/schedules/${schedule.id}/shifts?from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    const expected = coreShifts(coreOf(schedule), [], from, to);
    expect(res.body.from).toBe(from);
    expect(res.body.to).toBe(to);
    expect(brief(res.body.shifts)).toEqual(brief(expected.shifts));
    expect(res.body.shifts.map((s: { because: unknown }) => s.because)).toEqual(expected.shifts.map((s) => s.because));
    const names = new Map([[A.alice.id, 'Alice'], [A.bob.id, 'Bob'], [A.carol.id, 'Carol']]);
    for (const s of res.body.shifts) for (const u of s.users) expect(u.name).toBe(names.get(u.id));
    // the 09:00 Berlin handoff stays 09:00 local across the change: 08:00Z before, 07:00Z after
    expect(res.body.shifts.map((s: { start: string }) => s.start)).toEqual(expect.arrayContaining(['2026-03-27T08:00:00.000Z', '2026-03-30T07:00:00.000Z']));
  });

  it('on-call at instants across the range, with the reason; default: now', async () => {
    const schedule = await createSchedule();
    const core = coreOf(schedule);
    for (let t = Date.parse(from); t < Date.parse(to); t += 7 * HOUR) {
      const at = new Date(t).toISOString();
      const res = await A.viewer.call('GET', `/api/v1/schedules/${schedule.id}/on-call?at=${at}`);
      const expected = onCallAt(core, [], at);
      expect(res.status).toBe(200);
      expect({ at: res.body.at, users: res.body.users.map((u: { id: string }) => u.id), because: res.body.because }).toEqual({
        at: expected.at,
        users: expected.users,
        because: expected.because,
      });
    }
    const now = await A.viewer.call('GET', `/api/v1/schedules/${schedule.id}/on-call`);
    expect(now.body.at).toBe(clock.toISOString());
    expect(now.body.users).toEqual(onCallAt(core, [], clock).users.map((id) => ({ id, name: expect.any(String) })));
    // an offset in the query works when its + is encoded
    const berlin = await A.viewer.call('GET', `/api/v1/schedules/${schedule.id}/on-call?at=2026-03-18T13:00:00%2B01:00`);
    expect(berlin.body.at).toBe('2026-03-18T12:00:00.000Z');
  });

  it('gaps: the nights', async () => {
    const schedule = await createSchedule();
    const res = await A.viewer.call('GET', `/api/v1/schedules/${schedule.id}/gaps?from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    expect(res.body.gaps).toEqual(coreGaps(coreOf(schedule), [], from, to));
    // until the days layer's first shift (Monday 09:00 Berlin), after the weekend layer's window
    expect(res.body.gaps[0]).toEqual({ start: from, end: '2026-03-16T08:00:00.000Z' });
    expect(res.body.gaps[1]).toEqual({ start: '2026-03-16T19:00:00.000Z', end: '2026-03-17T07:00:00.000Z' }); // 20:00-08:00 Berlin
  });

  it('layers=true adds each layer\'s own timeline over the range', async () => {
    const schedule = await createSchedule();
    const res = await A.viewer.call('GET', `/api/v1/schedules/${schedule.id}/shifts?from=${from}&to=${to}&layers=true`);
    const expected = coreShifts(coreOf(schedule), [], from, to, { layers: true });
    expect(res.body.layers.map((l: { layerName: string; from: string; to: string }) => [l.layerName, l.from, l.to])).toEqual([
      ['days', from, to],
      ['weekend', from, to],
    ]);
    expect(res.body.layers.map((l: { shifts: [] }) => brief(l.shifts))).toEqual(expected.layers!.map((l) => brief(l.shifts)));
  });

  it('ranges are checked: to after from, at most 366 days, instants with offsets (400 naming the parameter)', async () => {
    const schedule = await createSchedule();
    const url = `/api/v1/schedules/${schedule.id}`;
    const q = async (path: string) => {
      const res = await A.viewer.call('GET', `${url}${path}`);
      return [res.status, res.status === 400 ? paths(res.body) : []];
    };
    expect(await q('/shifts?from=2026-01-01T00:00:00Z&to=2027-01-02T00:00:00Z')).toEqual([200, []]);
    expect(await q('/shifts?from=2026-01-01T00:00:00Z&to=2027-01-02T00:00:01Z')).toEqual([400, ['to']]);
    expect(await q('/gaps?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z')).toEqual([400, ['to']]);
    expect(await q('/shifts?from=2026-03-01T00:00:00Z')).toEqual([400, ['to']]);
    expect(await q('/shifts?from=yesterday&to=2026-03-01T00:00:00Z')).toEqual([400, ['from']]);
    expect(await q('/shifts?from=2026-03-01T00:00:00&to=2026-03-02T00:00:00Z')).toEqual([400, ['from']]);
    expect(await q('/on-call?at=now')).toEqual([400, ['at']]);
    expect(await q('/shifts?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z&layers=yes')).toEqual([400, ['layers']]);
  });
});

describe('an edit takes effect from now and leaves the past as it was', () => {
  it('shifts before the edit are unchanged, shifts after it follow the new layers, on-call agrees on both sides', async () => {
    clock = new Date('2026-03-18T12:00:00.000Z');
    const schedule = await createSchedule();
    const url = `/api/v1/schedules/${schedule.id}`;
    const range = 'from=2026-03-16T00:00:00.000Z&to=2026-03-23T00:00:00.000Z';
    const before = (await lead('GET', `${url}/shifts?${range}`)).body.shifts;

    clock = new Date('2026-03-19T10:30:00.000Z'); // Thursday 11:30 Berlin, in the middle of a day shift
    const edit = clock.toISOString();
    const whoBefore = (await lead('GET', `${url}/on-call?at=2026-03-19T10:00:00Z`)).body;
    const patched = await lead('PATCH', url, { layers: layers([A.carol.id, A.alice.id]), version: 1 });
    expect(patched.status).toBe(200);
    expect(patched.body.effectiveFrom).toBe(edit);

    const after = (await lead('GET', `${url}/shifts?${range}`)).body.shifts;
    const oldCore = coreOf(schedule);
    const newCore = coreOf(patched.body);
    // the past: exactly the old schedule's answer, cut at the edit
    expect(brief(after.filter((s: { start: string }) => s.start < edit))).toEqual(brief(coreShifts(oldCore, [], '2026-03-16T00:00:00Z', edit).shifts));
    const running = before.find((s: { start: string; end: string }) => s.start < edit && s.end > edit);
    expect(brief(after.filter((s: { end: string }) => s.end <= edit))).toEqual(
      brief([...before.filter((s: { end: string }) => s.end <= edit), { ...running, end: edit }]),
    );
    // from the edit on: the new schedule's answer
    expect(brief(after.filter((s: { start: string }) => s.start >= edit))).toEqual(brief(coreShifts(newCore, [], edit, '2026-03-23T00:00:00Z').shifts));

    expect((await lead('GET', `${url}/on-call?at=2026-03-19T10:00:00Z`)).body).toEqual(whoBefore);
    const whoAfter = (await lead('GET', `${url}/on-call?at=2026-03-19T11:00:00Z`)).body;
    expect(whoAfter.users.map((u: { id: string }) => u.id)).toEqual(onCallAt(newCore, [], '2026-03-19T11:00:00Z').users);

    // a later edit can't reach back before this one, even with a clock that went back
    clock = new Date('2026-03-19T10:00:00.000Z');
    const again = await lead('PATCH', url, { layers: layers([A.bob.id]), version: 2 });
    expect(again.body.effectiveFrom).toBe(edit);
    expect((await lead('GET', `${url}/on-call?at=2026-03-19T10:00:00Z`)).body).toEqual(whoBefore);
  });

  it('a time zone change is an edit like any other', async () => {
    clock = new Date('2026-03-18T12:00:00.000Z');
    const schedule = await createSchedule();
    const url = `/api/v1/schedules/${schedule.id}`;
    const before = (await lead('GET', `${url}/on-call?at=2026-03-18T06:30:00Z`)).body; // 07:30 Berlin: a gap
    expect(before.users).toEqual([]);
    const res = await lead('PATCH', url, { timeZone: 'America/New_York', version: 1 });
    expect(res.body).toMatchObject({ timeZone: 'America/New_York', version: 2, effectiveFrom: clock.toISOString() });
    expect((await lead('GET', `${url}/on-call?at=2026-03-18T06:30:00Z`)).body).toEqual(before);
    // 2026-03-19T06:30Z is 02:30 in New York: night there, a gap; 13:00Z is 09:00 there: day
    expect((await lead('GET', `${url}/on-call?at=2026-03-19T13:00:00Z`)).body.users).toHaveLength(1);
    expect((await lead('GET', `${url}/on-call?at=2026-03-19T06:30:00Z`)).body.users).toEqual([]);
  });
});

describe('preview', () => {
  it('shows hours gained and lost per person and the new gaps over the next 4 weeks, as previewChange computes them', async () => {
    clock = new Date('2026-03-18T12:00:00.000Z');
    const schedule = await createSchedule();
    const url = `/api/v1/schedules/${schedule.id}`;
    // Bob leaves the rotation; days end at 18:00 instead of 20:00
    const proposal = { layers: layers([A.alice.id, A.carol.id], { start: '08:00', end: '18:00' }) };
    const res = await A.viewer.call('POST', `${url}/preview`, proposal);
    expect(res.status).toBe(200);

    const from = clock.toISOString();
    const to = new Date(clock.getTime() + 28 * DAY).toISOString();
    const expected = previewChange({ schedule: coreOf(schedule), overrides: [] }, { schedule: coreOf({ ...schedule, ...proposal, layers: proposal.layers.map((l) => ({ ...l, end: null })) }), overrides: [] }, from, to);
    expect(res.body).toMatchObject({ weeks: 4, from, to, gapHoursBefore: expected.gapHoursBefore, gapHoursAfter: expected.gapHoursAfter, newGaps: expected.newGaps, closedGaps: expected.closedGaps });
    expect(res.body.users).toEqual(expected.users.map((u) => ({ ...u, name: u.userId === A.alice.id ? 'Alice' : u.userId === A.bob.id ? 'Bob' : 'Carol' })));
    expect(res.body.changes.map((c: { start: string; end: string; before: { id: string }[]; after: { id: string }[] }) => ({ ...c, before: c.before.map((u) => u.id), after: c.after.map((u) => u.id) }))).toEqual(expected.changes);

    const bob = res.body.users.find((u: { userId: string }) => u.userId === A.bob.id);
    expect(bob.hoursAfter).toBe(0);
    expect(bob.hoursDelta).toBeLessThan(0);
    expect(res.body.users.find((u: { userId: string }) => u.userId === A.alice.id).hoursDelta).toBeGreaterThan(0);
    expect(res.body.newGaps.length).toBeGreaterThan(0);
    expect(res.body.newGaps[0]).toEqual({ start: '2026-03-18T17:00:00.000Z', end: '2026-03-18T19:00:00.000Z' }); // 18:00-20:00 Berlin
    expect(res.body.gapHoursAfter).toBeGreaterThan(res.body.gapHoursBefore);

    // nothing was saved
    expect((await A.viewer.call('GET', url)).body.version).toBe(1);
  });

  it('weeks sets the horizon; a bad proposal gets the 400 a PATCH would', async () => {
    clock = new Date('2026-03-18T12:00:00.000Z');
    const schedule = await createSchedule();
    const url = `/api/v1/schedules/${schedule.id}/preview`;
    const one = await A.viewer.call('POST', `${url}?weeks=1`, { layers: layers([A.alice.id]) });
    expect(one.body.to).toBe('2026-03-25T12:00:00.000Z');
    expect(paths((await A.viewer.call('POST', `${url}?weeks=0`, {})).body)).toEqual(['weeks']);
    expect(paths((await A.viewer.call('POST', `${url}?weeks=53`, {})).body)).toEqual(['weeks']);
    expect(paths((await A.viewer.call('POST', url, { layers: layers([A.viewer.id]) })).body)).toEqual(['layers.0.members.0']);
    expect(paths((await A.viewer.call('POST', url, { timeZone: 'Nowhere/Else' })).body)).toEqual(['timeZone']);
    // an empty proposal changes nothing
    const none = await A.viewer.call('POST', url, {});
    expect(none.body).toMatchObject({ newGaps: [], closedGaps: [], changes: [] });
  });
});
