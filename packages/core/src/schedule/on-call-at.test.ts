import { describe, expect, it } from 'vitest';
import { onCallAt } from './on-call-at';
import type { Restriction, RotationType, Schedule, ScheduleLayer, ScheduleOverride } from './schedule';

// Every instant is explicit; nothing here reads the clock or the process's TZ.
// 2026 DST changes: Europe/Berlin 03-29 01:00Z and 10-25 01:00Z; America/New_York
// 03-08 07:00Z and 11-01 06:00Z; Australia/Sydney ends 04-04 16:00Z, starts 10-03 16:00Z.

function layer(type: RotationType, shiftLength: number, start: string, members: string[], extra: Partial<ScheduleLayer> = {}): ScheduleLayer {
  return { name: `${type} ${members.join('/')}`, members, rotation: { type, shiftLength }, start, ...extra };
}
const one = (timeZone: string, l: ScheduleLayer): Schedule => ({ timeZone, layers: [l] });
/** who, and the start of their rotation shift */
function who(schedule: Schedule, at: string, overrides: ScheduleOverride[] = []) {
  const r = onCallAt(schedule, overrides, at);
  const reason = r.because[0];
  return { users: r.users, since: reason?.kind === 'layer' ? reason.shiftStart : reason?.start };
}

describe('onCallAt: daily and weekly handoffs keep the wall clock across DST', () => {
  // weekly, Monday 09:00 Berlin (the example)
  const berlinWeekly = one('Europe/Berlin', layer('weekly', 1, '2026-03-16T09:00:00+01:00', ['alice', 'bob', 'carol']));

  it('Berlin spring: the Monday after the change hands off at 09:00 CEST (07:00Z), not 08:00Z', () => {
    expect(who(berlinWeekly, '2026-03-30T06:59:59.999Z')).toEqual({ users: ['bob'], since: '2026-03-23T08:00:00.000Z' });
    expect(who(berlinWeekly, '2026-03-30T07:00:00Z')).toEqual({ users: ['carol'], since: '2026-03-30T07:00:00.000Z' });
  });

  it('Berlin autumn: the Monday after the change hands off at 09:00 CET (08:00Z)', () => {
    // shift 31 (Oct 19) is bob's; it lasts 169 h
    expect(who(berlinWeekly, '2026-10-26T07:59:59.999Z')).toEqual({ users: ['bob'], since: '2026-10-19T07:00:00.000Z' });
    expect(who(berlinWeekly, '2026-10-26T08:00:00Z')).toEqual({ users: ['carol'], since: '2026-10-26T08:00:00.000Z' });
  });

  it('New York daily 09:00: 14:00Z in winter, 13:00Z in summer, both ways', () => {
    const ny = one('America/New_York', layer('daily', 1, '2026-03-06T09:00:00-05:00', ['alice', 'bob']));
    expect(who(ny, '2026-03-08T12:59:59Z')).toEqual({ users: ['bob'], since: '2026-03-07T14:00:00.000Z' });
    expect(who(ny, '2026-03-08T13:00:00Z')).toEqual({ users: ['alice'], since: '2026-03-08T13:00:00.000Z' });
    // Nov 1 (shift 240) begins at 09:00 EST = 14:00Z, 25 h after Oct 31's
    expect(who(ny, '2026-11-01T13:30:00Z')).toEqual({ users: ['bob'], since: '2026-10-31T13:00:00.000Z' });
    expect(who(ny, '2026-11-01T14:00:00Z')).toEqual({ users: ['alice'], since: '2026-11-01T14:00:00.000Z' });
  });

  it('Sydney daily 09:00: the autumn day (April) is 25 h, the spring day (October) 23 h', () => {
    const syd = one('Australia/Sydney', layer('daily', 1, '2026-04-01T09:00:00+11:00', ['alice', 'bob']));
    expect(who(syd, '2026-04-04T22:30:00Z')).toEqual({ users: ['bob'], since: '2026-04-03T22:00:00.000Z' }); // Apr 4 09:00 AEDT
    expect(who(syd, '2026-04-04T23:00:00Z')).toEqual({ users: ['alice'], since: '2026-04-04T23:00:00.000Z' }); // Apr 5 09:00 AEST
    // Oct 3 is day 185 since Apr 1 (bob), Oct 4 day 186 (alice) at 09:00 AEDT = 22:00Z
    expect(who(syd, '2026-10-03T21:59:59Z')).toEqual({ users: ['bob'], since: '2026-10-02T23:00:00.000Z' });
    expect(who(syd, '2026-10-03T22:00:00Z')).toEqual({ users: ['alice'], since: '2026-10-03T22:00:00.000Z' });
  });

  it('a handoff at 02:30 (inside the spring gap) happens at 03:30 that day, and at the FIRST 02:30 in autumn', () => {
    const spring = one('Europe/Berlin', layer('daily', 1, '2026-03-27T02:30:00+01:00', ['alice', 'bob']));
    expect(who(spring, '2026-03-29T01:29:59Z')).toEqual({ users: ['bob'], since: '2026-03-28T01:30:00.000Z' });
    expect(who(spring, '2026-03-29T01:30:00Z')).toEqual({ users: ['alice'], since: '2026-03-29T01:30:00.000Z' }); // 03:30 CEST
    expect(who(spring, '2026-03-30T00:30:00Z')).toEqual({ users: ['bob'], since: '2026-03-30T00:30:00.000Z' }); // 02:30 CEST again

    const autumn = one('Europe/Berlin', layer('daily', 1, '2026-10-23T02:30:00+02:00', ['alice', 'bob']));
    expect(who(autumn, '2026-10-25T00:30:00Z')).toEqual({ users: ['alice'], since: '2026-10-25T00:30:00.000Z' }); // 02:30 CEST
    expect(who(autumn, '2026-10-25T01:30:00Z')).toEqual({ users: ['alice'], since: '2026-10-25T00:30:00.000Z' }); // 02:30 CET: same shift
    expect(who(autumn, '2026-10-25T01:10:00Z')).toEqual({ users: ['alice'], since: '2026-10-25T00:30:00.000Z' }); // 02:10 CET reads before 02:30, yet is after it
    expect(who(autumn, '2026-10-26T01:30:00Z')).toEqual({ users: ['bob'], since: '2026-10-26T01:30:00.000Z' }); // 02:30 CET

    const ny = one('America/New_York', layer('daily', 1, '2026-03-07T02:30:00-05:00', ['alice', 'bob']));
    expect(who(ny, '2026-03-08T07:30:00Z')).toEqual({ users: ['bob'], since: '2026-03-08T07:30:00.000Z' }); // 03:30 EDT
    const nyAutumn = one('America/New_York', layer('daily', 1, '2026-10-31T01:30:00-04:00', ['alice', 'bob']));
    expect(who(nyAutumn, '2026-11-01T05:30:00Z')).toEqual({ users: ['bob'], since: '2026-11-01T05:30:00.000Z' }); // first 01:30 (EDT)
  });

  it('a zone without DST: Kolkata 09:00 is 03:30Z all year', () => {
    const kolkata = one('Asia/Kolkata', layer('daily', 1, '2026-01-01T09:00:00+05:30', ['alice', 'bob']));
    expect(who(kolkata, '2026-03-29T03:30:00Z').since).toBe('2026-03-29T03:30:00.000Z');
    expect(who(kolkata, '2026-10-25T03:29:00Z').since).toBe('2026-10-24T03:30:00.000Z');
    const utc = one('UTC', layer('weekly', 2, '2026-01-05T09:00:00Z', ['alice', 'bob']));
    expect(who(utc, '2026-07-01T00:00:00Z')).toEqual({ users: ['alice'], since: '2026-06-22T09:00:00.000Z' }); // shift 12 (24 weeks in)
  });
});

describe('onCallAt: hourly and custom rotations are exact elapsed time', () => {
  it('8-hour shifts across the Berlin spring change read 20:00, 05:00 (not 04:00), 13:00 on the wall', () => {
    const s = one('Europe/Berlin', layer('hourly', 8, '2026-03-28T20:00:00+01:00', ['alice', 'bob', 'carol']));
    expect(who(s, '2026-03-29T02:59:59Z')).toEqual({ users: ['alice'], since: '2026-03-28T19:00:00.000Z' });
    expect(who(s, '2026-03-29T03:00:00Z')).toEqual({ users: ['bob'], since: '2026-03-29T03:00:00.000Z' }); // 05:00 CEST
    expect(who(s, '2026-03-29T11:00:00Z')).toEqual({ users: ['carol'], since: '2026-03-29T11:00:00.000Z' });
  });

  it('1-hour shifts across the New York autumn change: the repeated hour is a shift of its own', () => {
    const s = one('America/New_York', layer('hourly', 1, '2026-11-01T00:00:00-04:00', ['alice', 'bob']));
    expect(who(s, '2026-11-01T05:30:00Z').users).toEqual(['bob']); // 01:30 EDT, shift 1
    expect(who(s, '2026-11-01T06:30:00Z').users).toEqual(['alice']); // 01:30 EST, shift 2
  });

  it('custom 1.5 h shifts', () => {
    const s = one('UTC', layer('custom', 1.5, '2026-01-01T00:00:00Z', ['alice', 'bob']));
    expect(who(s, '2026-01-01T01:29:59Z').users).toEqual(['alice']);
    expect(who(s, '2026-01-01T01:30:00Z')).toEqual({ users: ['bob'], since: '2026-01-01T01:30:00.000Z' });
  });
});

describe('onCallAt: restrictions mask the rotation', () => {
  const nights: Restriction = { type: 'daily', start: '22:00', end: '06:00' };
  const weekend: Restriction = { type: 'weekly', start: { weekday: 'friday', time: '17:00' }, end: { weekday: 'monday', time: '09:00' } };

  it('22:00-06:00 across midnight: start inclusive, end exclusive, Berlin local time', () => {
    const s = one('Europe/Berlin', layer('daily', 1, '2026-01-05T12:00:00+01:00', ['alice', 'bob'], { restrictions: [nights] }));
    expect(who(s, '2026-01-06T20:59:59Z').users).toEqual([]); // 21:59 CET
    expect(who(s, '2026-01-06T21:00:00Z').users).toEqual(['bob']); // 22:00
    expect(who(s, '2026-01-07T04:59:59Z').users).toEqual(['bob']); // 05:59, the same rotation shift until 12:00
    expect(who(s, '2026-01-07T05:00:00Z').users).toEqual([]); // 06:00
    const r = onCallAt(s, [], '2026-01-07T05:00:00Z');
    expect(r.layers[0]).toMatchObject({ users: [], shift: null, empty: 'outside-restrictions' });
    // the spring night: 22:00 CET (21:00Z) to 06:00 CEST (04:00Z), in alice's shift 82 (Mar 28 12:00)
    expect(who(s, '2026-03-28T20:59:59Z').users).toEqual([]);
    expect(who(s, '2026-03-28T21:00:00Z').users).toEqual(['alice']);
    expect(who(s, '2026-03-29T03:59:59Z').users).toEqual(['alice']);
    expect(who(s, '2026-03-29T04:00:00Z').users).toEqual([]);
  });

  it('friday 17:00 - monday 09:00 across the week boundary, New York, over the spring change', () => {
    const s = one('America/New_York', layer('weekly', 1, '2026-01-02T17:00:00-05:00', ['alice', 'bob'], { restrictions: [weekend] }));
    expect(who(s, '2026-03-06T21:59:59Z').users).toEqual([]); // Fri 16:59 EST
    expect(who(s, '2026-03-06T22:00:00Z').users).toEqual(['bob']); // Fri 17:00 EST, shift 9
    expect(who(s, '2026-03-09T00:00:00Z').users).toEqual(['bob']); // Sunday evening
    expect(who(s, '2026-03-09T12:59:59Z').users).toEqual(['bob']); // Mon 08:59 EDT
    expect(who(s, '2026-03-09T13:00:00Z').users).toEqual([]); // Mon 09:00 EDT
    expect(who(s, '2026-03-11T12:00:00Z').users).toEqual([]); // Wednesday
  });

  it('a weekday window monday 09:00 - friday 17:00 (the issue example)', () => {
    const s = one(
      'Europe/Berlin',
      layer('weekly', 1, '2026-03-16T09:00:00+01:00', ['alice', 'bob'], {
        restrictions: [{ type: 'weekly', start: { weekday: 'monday', time: '09:00' }, end: { weekday: 'friday', time: '17:00' } }],
      }),
    );
    expect(who(s, '2026-03-18T12:00:00Z').users).toEqual(['alice']);
    expect(who(s, '2026-03-21T12:00:00Z').users).toEqual([]); // Saturday
    expect(who(s, '2026-03-20T15:59:59Z').users).toEqual(['alice']); // Fri 16:59 CET
    expect(who(s, '2026-03-20T16:00:00Z').users).toEqual([]);
  });
});

describe('onCallAt: layers, overrides, members', () => {
  const base = layer('weekly', 1, '2026-03-16T09:00:00+01:00', ['alice', 'bob']);
  const daytime = layer('daily', 1, '2026-03-16T09:00:00+01:00', ['carol', 'dave'], { name: 'daytime', restrictions: [{ type: 'daily', start: '09:00', end: '17:00' }] });
  const schedule: Schedule = { timeZone: 'Europe/Berlin', layers: [base, daytime] };

  it('the highest layer with someone wins; below it shows through where it has nobody', () => {
    const day = onCallAt(schedule, [], '2026-03-17T10:00:00Z');
    expect(day.users).toEqual(['dave']);
    expect(day.because).toEqual([
      {
        kind: 'layer',
        layerIndex: 1,
        layerId: null,
        layerName: 'daytime',
        userId: 'dave',
        memberIndex: 1,
        shiftNumber: 1,
        shiftStart: '2026-03-17T08:00:00.000Z',
        shiftEnd: '2026-03-18T08:00:00.000Z',
      },
    ]);
    expect(day.layers.map((l) => l.users)).toEqual([['alice'], ['dave']]);
    expect(onCallAt(schedule, [], '2026-03-17T18:00:00Z').users).toEqual(['alice']);
  });

  it('an override inside a shift wins over every layer, [start, end)', () => {
    const o: ScheduleOverride[] = [{ id: 'o1', userId: 'erin', start: '2026-03-17T11:00:00+01:00', end: '2026-03-17T13:00:00+01:00' }];
    expect(onCallAt(schedule, o, '2026-03-17T09:59:59Z').users).toEqual(['dave']);
    const r = onCallAt(schedule, o, '2026-03-17T10:00:00Z');
    expect(r.users).toEqual(['erin']);
    expect(r.because).toEqual([
      { kind: 'override', overrideIndex: 0, overrideId: 'o1', userId: 'erin', start: '2026-03-17T10:00:00.000Z', end: '2026-03-17T12:00:00.000Z' },
    ]);
    expect(r.layers.map((l) => l.users)).toEqual([['alice'], ['dave']]); // what the layers would have said
    expect(onCallAt(schedule, o, '2026-03-17T12:00:00Z').users).toEqual(['dave']);
  });

  it('an override across a handoff and over a gap', () => {
    const o: ScheduleOverride[] = [{ userId: 'erin', start: '2026-03-22T20:00:00Z', end: '2026-03-23T10:00:00Z' }];
    expect(onCallAt(schedule, o, '2026-03-23T07:59:00Z').users).toEqual(['erin']); // before the Monday handoff
    expect(onCallAt(schedule, o, '2026-03-23T08:00:00Z').users).toEqual(['erin']); // after it
    expect(onCallAt(schedule, o, '2026-03-23T10:00:00Z').users).toEqual(['dave']); // 11:00 CET: the daytime layer again
    expect(onCallAt(schedule, o, '2026-03-23T17:00:00Z').users).toEqual(['bob']); // 18:00: bob's week shows through
    const gapOnly: Schedule = { timeZone: 'Europe/Berlin', layers: [daytime] };
    expect(onCallAt(gapOnly, o, '2026-03-22T22:00:00Z').users).toEqual(['erin']); // nobody else at night
  });

  it('overlapping overrides: the later in the array (the latest created) wins', () => {
    const early: ScheduleOverride = { id: 'a', userId: 'erin', start: '2026-03-17T10:00:00Z', end: '2026-03-17T14:00:00Z' };
    const late: ScheduleOverride = { id: 'b', userId: 'frank', start: '2026-03-17T12:00:00Z', end: '2026-03-17T16:00:00Z' };
    expect(onCallAt(schedule, [early, late], '2026-03-17T13:00:00Z').users).toEqual(['frank']);
    expect(onCallAt(schedule, [late, early], '2026-03-17T13:00:00Z').users).toEqual(['erin']);
    expect(onCallAt(schedule, [late, early], '2026-03-17T15:00:00Z').users).toEqual(['frank']);
  });

  it('a member may repeat: the position says which turn it is', () => {
    const s = one('UTC', layer('daily', 1, '2026-01-01T00:00:00Z', ['alice', 'bob', 'alice', 'carol']));
    const r = onCallAt(s, [], '2026-01-03T12:00:00Z');
    expect(r.users).toEqual(['alice']);
    expect(r.because[0]).toMatchObject({ memberIndex: 2, shiftNumber: 2 });
    expect(onCallAt(s, [], '2026-01-05T12:00:00Z').because[0]).toMatchObject({ userId: 'alice', memberIndex: 0, shiftNumber: 4 });
  });

  it('a layer starting in the future has nobody before its start; one with an end, nobody from it', () => {
    const future = layer('daily', 1, '2026-06-01T09:00:00+02:00', ['alice'], { end: '2026-06-10T09:00:00+02:00' });
    const s = one('Europe/Berlin', future);
    const before = onCallAt(s, [], '2026-06-01T06:59:59Z');
    expect(before.users).toEqual([]);
    expect(before.because).toEqual([]);
    expect(before.layers[0]?.empty).toBe('before-start');
    expect(onCallAt(s, [], '2026-06-01T07:00:00Z').users).toEqual(['alice']);
    expect(onCallAt(s, [], '2026-06-10T07:00:00Z').layers[0]?.empty).toBe('after-end');
    // a higher layer not started yet lets the lower one answer
    const two: Schedule = { timeZone: 'Europe/Berlin', layers: [layer('weekly', 1, '2026-01-05T09:00:00+01:00', ['bob']), future] };
    expect(onCallAt(two, [], '2026-05-01T00:00:00Z').users).toEqual(['bob']);
  });

  it('takes Date arguments and answers in UTC', () => {
    expect(onCallAt(schedule, [], new Date(Date.UTC(2026, 2, 17, 10))).at).toBe('2026-03-17T10:00:00.000Z');
    expect(onCallAt(schedule, [], '2026-03-17T11:00:00+01:00').at).toBe('2026-03-17T10:00:00.000Z');
  });
});
