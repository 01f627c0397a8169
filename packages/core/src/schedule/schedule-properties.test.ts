// Property tests of the resolver (fast-check): for random schedules in zones with
// and without DST and random ranges, `shifts` covers the range exactly, agrees
// with `onCallAt` everywhere it is asked (interval edges, the instant before each
// end, midpoints, random instants, DST changes), and overrides always win.
// Instants are generated, never read from the clock; the process's TZ plays no part.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onCallAt } from './on-call-at';
import { formatInstant } from './parse-instant';
import type { Restriction, Rotation, Schedule, ScheduleLayer, ScheduleOverride, ScheduleShift } from './schedule';
import { WEEKDAYS } from './schedule';
import { shifts } from './shifts';
import { validateSchedule } from './validate-schedule';

const MIN = 60_000;
const H = 60 * MIN;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'Europe/London', 'Asia/Kolkata', 'UTC', 'Pacific/Chatham'];
// 2026 DST changes of those zones: generated instants cluster around them
const CHANGES = [
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:00:00Z',
  '2026-03-08T07:00:00Z',
  '2026-11-01T06:00:00Z',
  '2026-04-04T16:00:00Z',
  '2026-10-03T16:00:00Z',
  '2026-04-04T15:00:00Z',
  '2026-10-03T15:30:00Z',
  '2026-04-04T14:00:00Z',
  '2026-09-26T14:00:00Z',
].map(Date.parse);
const T0 = Date.UTC(2025, 9, 1);
const T1 = Date.UTC(2027, 2, 1);
const USERS = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5'];

/** An instant as RFC 3339 with one of a few offsets (the resolver must not care which). */
function withOffset(t: number, offsetMinutes: number): string {
  if (offsetMinutes === 0) return formatInstant(t);
  const local = formatInstant(t + offsetMinutes * MIN).slice(0, 23);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const instant = fc.oneof(
  fc.integer({ min: T0, max: T1 }).map((t) => Math.floor(t / MIN) * MIN),
  fc.tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -4 * 60, max: 4 * 60 })).map(([c, q]) => c + q * 15 * MIN),
);
const offset = fc.constantFrom(0, 60, -300, 330, 600);
const clock = fc.integer({ min: 0, max: 47 }).map((half) => `${String(Math.floor(half / 2)).padStart(2, '0')}:${half % 2 ? '30' : '00'}`);

const rotation: fc.Arbitrary<Rotation> = fc.oneof(
  fc.record({ type: fc.constant('daily' as const), shiftLength: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ type: fc.constant('weekly' as const), shiftLength: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ type: fc.constant('hourly' as const), shiftLength: fc.integer({ min: 1, max: 48 }) }),
  fc.record({ type: fc.constant('custom' as const), shiftLength: fc.integer({ min: 4, max: 200 }).map((q) => q / 4) }),
);

const restriction: fc.Arbitrary<Restriction> = fc.oneof(
  fc
    .tuple(clock, clock)
    .filter(([a, b]) => a !== b)
    .map(([start, end]) => ({ type: 'daily' as const, start, end })),
  fc
    .tuple(fc.constantFrom(...WEEKDAYS), clock, fc.constantFrom(...WEEKDAYS), clock)
    .filter(([d1, t1, d2, t2]) => d1 !== d2 || t1 !== t2)
    .map(([d1, t1, d2, t2]) => ({ type: 'weekly' as const, start: { weekday: d1, time: t1 }, end: { weekday: d2, time: t2 } })),
);

const layer: fc.Arbitrary<ScheduleLayer> = fc
  .record({
    members: fc.array(fc.constantFrom(...USERS), { minLength: 1, maxLength: 10 }),
    rotation,
    start: instant,
    startOffset: offset,
    lasts: fc.option(fc.integer({ min: 1, max: 120 * 24 }).map((h) => h * H)),
    restrictions: fc.option(fc.array(restriction, { minLength: 1, maxLength: 2 })),
  })
  .map(({ members, rotation: r, start, startOffset, lasts, restrictions }) => ({
    name: `${r.type} x${r.shiftLength}`,
    members,
    rotation: r,
    start: withOffset(start, startOffset),
    ...(lasts !== null ? { end: formatInstant(start + lasts) } : {}),
    ...(restrictions !== null ? { restrictions } : {}),
  }));

const override: fc.Arbitrary<ScheduleOverride> = fc
  .record({ userId: fc.constantFrom('o0', 'o1', 'o2', ...USERS), start: instant, minutes: fc.integer({ min: 1, max: 4 * 24 * 60 }), off: offset })
  .map(({ userId, start, minutes, off }) => ({ userId, start: withOffset(start, off), end: withOffset(start + minutes * MIN, off) }));

const schedule: fc.Arbitrary<Schedule> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  layers: fc.array(layer, { minLength: 1, maxLength: 3 }),
});

const range = fc.record({ from: instant, hours: fc.integer({ min: 1, max: 40 * 24 }), extraMs: fc.integer({ min: 0, max: H - 1 }) }).map(({ from, hours, extraMs }) => ({
  from,
  to: from + hours * H + extraMs,
}));

const input = fc.record({
  schedule,
  overrides: fc.array(override, { maxLength: 6 }).map((list) => list.map((o, i) => ({ ...o, id: `o-${i}` }))),
  range,
  probes: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 8 }),
});

const ms = (iso: string) => Date.parse(iso); // always a `Z` string here: no zone involved

/** The interval of `list` holding `t` (list covers the range, sorted). */
function intervalAt(list: readonly ScheduleShift[], t: number): ScheduleShift {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ms((list[mid] as ScheduleShift).start) <= t) lo = mid;
    else hi = mid - 1;
  }
  return list[lo] as ScheduleShift;
}

function expectCovers(list: readonly ScheduleShift[], from: number, to: number): void {
  expect(list.length).toBeGreaterThan(0);
  expect(list[0]?.start).toBe(formatInstant(from));
  expect(list[list.length - 1]?.end).toBe(formatInstant(to));
  for (let i = 0; i < list.length; i++) {
    const s = list[i] as ScheduleShift;
    expect(ms(s.start)).toBeLessThan(ms(s.end)); // no empty or inverted interval
    if (i > 0) expect(s.start).toBe(list[i - 1]?.end); // no hole, no overlap
    expect(s.users.length).toBeLessThanOrEqual(1); // one person at a time
    expect(s.users).toEqual(s.because.length ? [s.because[0]?.userId] : []);
  }
}

/** Instants worth asking about: every interval's start, the ms before its end, its middle, plus random ones and DST changes. */
function probesOf(list: readonly ScheduleShift[], from: number, to: number, random: readonly number[]): number[] {
  const points: number[] = [];
  const step = Math.max(1, Math.floor(list.length / 60)); // at most ~60 intervals probed in depth
  for (let i = 0; i < list.length; i += step) {
    const s = list[i] as ScheduleShift;
    const a = ms(s.start);
    const b = ms(s.end);
    points.push(a, b - 1, Math.floor((a + b) / 2));
  }
  for (const r of random) points.push(from + Math.floor(((to - from) * r) / 1_000_001));
  // around DST changes, including inside a repeated hour (where the wall clock runs backwards)
  for (const c of CHANGES) for (let k = -3; k <= 9; k++) points.push(c + k * 20 * MIN, c + k * 20 * MIN - 1);
  // only instants inside [from, to): the ms before a point at `from` lies outside the range
  return points.filter((t) => t >= from && t < to);
}

describe('resolver properties', () => {
  it('generates valid schedules (so the properties below test the resolver, not validation)', () => {
    fc.assert(
      fc.property(schedule, (s) => {
        expect(validateSchedule(s)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('shifts covers [from, to) exactly, without holes or overlaps, merged as documented, and agrees with onCallAt', () => {
    fc.assert(
      fc.property(input, ({ schedule: s, overrides, range: { from, to }, probes }) => {
        const result = shifts(s, overrides, formatInstant(from), formatInstant(to), { layers: true });
        expectCovers(result.shifts, from, to);
        // merged by reason: neighbours differ in users or in reason
        for (let i = 1; i < result.shifts.length; i++) {
          const a = result.shifts[i - 1] as ScheduleShift;
          const b = result.shifts[i] as ScheduleShift;
          expect(a.users.join() === b.users.join() && JSON.stringify(a.because) === JSON.stringify(b.because)).toBe(false);
        }
        for (const l of result.layers ?? []) expectCovers(l.shifts, from, to);

        for (const t of probesOf(result.shifts, from, to, probes)) {
          const answer = onCallAt(s, overrides, formatInstant(t));
          const interval = intervalAt(result.shifts, t);
          expect(answer.users).toEqual(interval.users);
          expect(answer.because).toEqual(interval.because);
          answer.layers.forEach((own, l) => {
            const mine = intervalAt(result.layers?.[l]?.shifts ?? [], t);
            expect(own.users).toEqual(mine.users);
            expect(own.shift ? [own.shift] : []).toEqual(mine.because);
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('merging by user covers the range too, with the same people at every instant', () => {
    fc.assert(
      fc.property(input, ({ schedule: s, overrides, range: { from, to }, probes }) => {
        const byReason = shifts(s, overrides, formatInstant(from), formatInstant(to)).shifts;
        const byUser = shifts(s, overrides, formatInstant(from), formatInstant(to), { merge: 'user' }).shifts;
        expectCovers(byUser, from, to);
        for (let i = 1; i < byUser.length; i++) expect(byUser[i]?.users.join()).not.toBe(byUser[i - 1]?.users.join());
        for (const t of probesOf(byReason, from, to, probes)) expect(intervalAt(byUser, t).users).toEqual(intervalAt(byReason, t).users);
      }),
      { numRuns: 150 },
    );
  });

  it('overrides always win: inside an override its user is on call (the later one where they overlap)', () => {
    fc.assert(
      fc.property(input, fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 5 }), ({ schedule: s, overrides, range: { from, to } }, fractions) => {
        const timeline = shifts(s, overrides, formatInstant(from), formatInstant(to)).shifts;
        overrides.forEach((o) => {
          const a = Math.max(ms(formatInstant(Date.parse(o.start))), from);
          const b = Math.min(Date.parse(o.end), to);
          if (a >= b) return;
          for (const f of [...fractions.map((x) => a + Math.floor(((b - a) * x) / 1_001)), a, b - 1]) {
            // the oracle: the last override in the array covering f
            const winner = [...overrides].reverse().find((x) => Date.parse(x.start) <= f && f < Date.parse(x.end));
            expect(winner).toBeDefined();
            expect(onCallAt(s, overrides, formatInstant(f)).users).toEqual([winner?.userId]);
            expect(intervalAt(timeline, f).users).toEqual([winner?.userId]);
            expect(intervalAt(timeline, f).because[0]).toMatchObject({ kind: 'override', overrideId: winner?.id });
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});
