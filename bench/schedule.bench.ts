// Schedule resolver benchmarks (issue 5), pure CPU, no services:
//  - on-call lookup: 1,000 schedules (3 layers x 10 members, 100 overrides each),
//    `onCallAt` at many instants over a year -> per-call latency (goal p99 < 100 us);
//    every call parses and checks its schedule and overrides, as a caller with a
//    freshly loaded row does;
//  - one year of final shifts of one such schedule -> ms per call (goal < 20 ms).
// `lookupPrecompiled`: the same lookups on schedules compiled once (compileSchedule +
// onCallAtCompiled), for a caller that caches per schedule version.
// Only the calls are timed, not building the fixtures. The time-zone memo is warmed
// by a first pass (a long-running process has it warm); `coldFirstCallMs` shows
// the price of the first lookup in a fresh zone.
import { compileSchedule } from '@heinrich/core/schedule/compile-schedule';
import { onCallAt, onCallAtCompiled } from '@heinrich/core/schedule/on-call-at';
import type { Schedule, ScheduleOverride } from '@heinrich/core/schedule/schedule';
import { shifts } from '@heinrich/core/schedule/shifts';
import { round } from './load';

const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/Los_Angeles', 'UTC'];
const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_MS = 365 * 86_400_000;
const HOUR = 3_600_000;

export interface ScheduleBenchOptions {
  schedules?: number;
  lookupsPerSchedule?: number;
  yearRuns?: number;
}

export async function scheduleBench(opts: ScheduleBenchOptions = {}) {
  const count = opts.schedules ?? 1_000;
  const perSchedule = opts.lookupsPerSchedule ?? 100;
  const yearRuns = opts.yearRuns ?? 30;
  const random = mulberry32(42);
  const fixtures = Array.from({ length: count }, (_, i) => fixture(i, random));

  const coldStart = process.hrtime.bigint();
  onCallAt(fixtures[0]!.schedule, fixtures[0]!.overrides, '2026-06-01T12:00:00Z');
  const coldFirstCallMs = Number(process.hrtime.bigint() - coldStart) / 1e6;

  const instants = Array.from({ length: perSchedule }, () => new Date(YEAR_START + Math.floor(random() * YEAR_MS)).toISOString());
  for (const f of fixtures) for (let k = 0; k < 10; k++) onCallAt(f.schedule, f.overrides, instants[k]!); // warm-up

  const samples = new Float64Array(count * perSchedule);
  let n = 0;
  let onCall = 0;
  for (let k = 0; k < perSchedule; k++) {
    const at = instants[k]!;
    for (const f of fixtures) {
      const t0 = process.hrtime.bigint();
      const r = onCallAt(f.schedule, f.overrides, at);
      samples[n++] = Number(process.hrtime.bigint() - t0) / 1e3;
      if (r.users.length > 0) onCall++;
    }
    await Promise.resolve(); // let a shared event loop breathe between rounds
  }
  samples.sort();

  // the same lookups on schedules compiled once (what a caller caching per schedule version pays)
  const compiled = fixtures.map((f) => compileSchedule(f.schedule, f.overrides));
  const instantsMs = instants.map((i) => Date.parse(i));
  const compiledSamples = new Float64Array(count * perSchedule);
  let m = 0;
  for (let k = 0; k < perSchedule; k++) {
    for (const c of compiled) {
      const t0 = process.hrtime.bigint();
      onCallAtCompiled(c, instantsMs[k]!);
      compiledSamples[m++] = Number(process.hrtime.bigint() - t0) / 1e3;
    }
    await Promise.resolve();
  }
  compiledSamples.sort();

  const one = fixtures[1]!;
  const from = '2026-01-01T00:00:00Z';
  const to = '2027-01-01T00:00:00Z';
  shifts(one.schedule, one.overrides, from, to); // warm-up
  const yearMs: number[] = [];
  let intervals = 0;
  for (let k = 0; k < yearRuns; k++) {
    const t0 = process.hrtime.bigint();
    intervals = shifts(one.schedule, one.overrides, from, to).shifts.length;
    yearMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  yearMs.sort((a, b) => a - b);
  const withLayers: number[] = [];
  for (let k = 0; k < Math.max(3, yearRuns / 3); k++) {
    const t0 = process.hrtime.bigint();
    shifts(one.schedule, one.overrides, from, to, { layers: true });
    withLayers.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  withLayers.sort((a, b) => a - b);

  return {
    fixture: '3 layers x 10 members (weekly; daily 08:00-20:00; 12-hourly Fri 17:00 - Mon 09:00), 100 overrides, 6 zones',
    lookup: {
      schedules: count,
      lookups: n,
      onCallShare: round(onCall / n, 3),
      p50Us: round(quantile(samples, 0.5), 1),
      p99Us: round(quantile(samples, 0.99), 1),
      maxUs: round(samples[n - 1] ?? 0, 1),
      goalP99Us: 100,
      coldFirstCallMs: round(coldFirstCallMs, 2),
    },
    lookupPrecompiled: {
      p50Us: round(quantile(compiledSamples, 0.5), 1),
      p99Us: round(quantile(compiledSamples, 0.99), 1),
    },
    yearOfShifts: {
      intervals,
      runs: yearRuns,
      medianMs: round(yearMs[Math.floor(yearMs.length / 2)] ?? 0, 2),
      maxMs: round(yearMs[yearMs.length - 1] ?? 0, 2),
      withLayersMedianMs: round(withLayers[Math.floor(withLayers.length / 2)] ?? 0, 2),
      goalMs: 20,
    },
  };
}

function fixture(i: number, random: () => number): { schedule: Schedule; overrides: ScheduleOverride[] } {
  const members = (layer: number) => Array.from({ length: 10 }, (_, m) => `user-${i}-${layer}-${m}`);
  const schedule: Schedule = {
    id: `schedule-${i}`,
    timeZone: ZONES[i % ZONES.length]!,
    layers: [
      { id: `l${i}-0`, name: 'weekly', members: members(0), rotation: { type: 'weekly', shiftLength: 1 }, start: '2025-12-01T09:00:00+01:00' },
      {
        id: `l${i}-1`,
        name: 'daytime',
        members: members(1),
        rotation: { type: 'daily', shiftLength: 1 },
        start: '2025-11-03T08:00:00-05:00',
        restrictions: [{ type: 'daily', start: '08:00', end: '20:00' }],
      },
      {
        id: `l${i}-2`,
        name: 'weekend',
        members: members(2),
        rotation: { type: 'hourly', shiftLength: 12 },
        start: '2025-10-31T17:00:00+00:00',
        restrictions: [{ type: 'weekly', start: { weekday: 'friday', time: '17:00' }, end: { weekday: 'monday', time: '09:00' } }],
      },
    ],
  };
  const overrides = Array.from({ length: 100 }, (_, k): ScheduleOverride => {
    const start = YEAR_START + Math.floor(random() * YEAR_MS);
    return {
      id: `o${i}-${k}`,
      userId: `user-${i}-override-${k % 7}`,
      start: new Date(start).toISOString(),
      end: new Date(start + (1 + Math.floor(random() * 48)) * HOUR).toISOString(),
    };
  });
  return { schedule, overrides };
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Deterministic PRNG so every run measures the same fixtures. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
