import { describe, expect, it } from 'vitest';
import {
  heartbeatBackMessage,
  heartbeatDueAt,
  humanDuration,
  isHeartbeatMissed,
  maskedPingUrl,
  missedHeartbeatTitle,
  shownHeartbeatStatus,
  type HeartbeatTiming,
} from './heartbeat-timing';

const t0 = new Date('2026-12-07T12:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const hb = (over: Partial<HeartbeatTiming>): HeartbeatTiming => ({ status: 'up', intervalSeconds: 60, graceSeconds: 0, lastPingAt: t0, ...over });

describe('isHeartbeatMissed', () => {
  it.each([
    ['up, before interval', hb({}), 59, false],
    ['up, at interval + grace', hb({}), 60, true],
    ['up, within grace', hb({ graceSeconds: 30 }), 89, false],
    ['up, past interval + grace', hb({ graceSeconds: 30 }), 90, true],
    ['new never misses before its first ping', hb({ status: 'new', lastPingAt: null }), 10_000, false],
    ['paused never misses', hb({ status: 'paused' }), 10_000, false],
    ['down already missed: not again', hb({ status: 'down' }), 10_000, false],
  ] as const)('%s', (_name, h, s, missed) => {
    expect(isHeartbeatMissed(h, at(s))).toBe(missed);
  });
});

describe('shownHeartbeatStatus', () => {
  it.each([
    [hb({}), 30, 'up'],
    [hb({ graceSeconds: 60 }), 61, 'late'],
    [hb({}), 120, 'late'],
    [hb({ status: 'new', lastPingAt: null }), 120, 'new'],
    [hb({ status: 'down' }), 120, 'down'],
    [hb({ status: 'paused' }), 120, 'paused'],
  ] as const)('%o at +%is is %s', (h, s, shown) => {
    expect(shownHeartbeatStatus(h, at(s))).toBe(shown);
  });
});

describe('humanDuration', () => {
  it.each([
    [0, '0 s'],
    [45_000, '45 s'],
    [60_000, '1 min'],
    [6 * 60_000 + 59_000, '6 min'],
    [3600_000, '1 h'],
    [3600_000 + 5 * 60_000, '1 h 5 min'],
    [26 * 3600_000, '1 d 2 h'],
    [-5, '0 s'],
  ])('%i ms is %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('messages', () => {
  it('names the heartbeat, the time since its last ping and the interval', () => {
    expect(missedHeartbeatTitle('prod-prometheus', t0, 300, at(6 * 60))).toBe(
      "Heartbeat 'prod-prometheus' missed: last ping 6 min ago, expected every 5 min",
    );
  });
  it('says how long the heartbeat was silent', () => {
    expect(heartbeatBackMessage(t0, at(14 * 60))).toBe('Heartbeat received again after 14 min');
  });
  it('due at last ping + interval + grace', () => {
    expect(heartbeatDueAt(t0, 300, 60)).toEqual(at(360));
  });
  it('masks all of the token but its prefix', () => {
    expect(maskedPingUrl('https://h.example/', 'hb_abcde')).toBe('https://h.example/api/v1/heartbeats/hb_abcde…/ping');
  });
});
