import { describe, expect, it } from 'vitest';
import type { IncomingAlert } from '../incoming-alert';
import { splitWatchdog, watchdogIntervalWarning } from './watchdog-signal';

const alert = (alertname: string, status: 'firing' | 'resolved', fingerprint = alertname): IncomingAlert => ({
  fingerprint,
  startsAt: '2026-12-07T12:00:00.000Z',
  endsAt: status === 'resolved' ? '2026-12-07T12:05:00.000Z' : null,
  status,
  labels: { alertname },
  annotations: {},
  generatorUrl: null,
  severity: null,
  group: { key: 'k', keyHash: 'h', labels: {}, title: alertname },
});
const link = { heartbeatId: 'hb-1', alertname: 'Watchdog' };

describe('splitWatchdog', () => {
  it.each([
    ['a firing Watchdog is a ping', [alert('Watchdog', 'firing')], 'ping', 1, 0],
    ['a resolved Watchdog is a miss', [alert('Watchdog', 'resolved')], 'miss', 1, 0],
    ['one replica resolved, the other firing: a ping', [alert('Watchdog', 'resolved', 'a'), alert('Watchdog', 'firing', 'b')], 'ping', 2, 0],
    ['other alerts are kept and signal nothing', [alert('DiskFull', 'firing'), alert('DiskFull', 'resolved', 'x')], null, 0, 2],
    ['mixed: the Watchdog is taken out', [alert('Watchdog', 'firing'), alert('DiskFull', 'firing')], 'ping', 1, 1],
    ['the alertname is matched exactly', [alert('watchdog', 'firing')], null, 0, 1],
  ] as const)('%s', (_name, alerts, signal, watchdogs, rest) => {
    const split = splitWatchdog(alerts, link);
    expect(split.signal).toBe(signal);
    expect(split.watchdogs).toBe(watchdogs);
    expect(split.rest).toHaveLength(rest);
  });

  it('a configured alertname', () => {
    expect(splitWatchdog([alert('DeadMansSwitch', 'firing')], { heartbeatId: 'x', alertname: 'DeadMansSwitch' }).signal).toBe('ping');
  });

  it('a key naming no heartbeat: everything is an alert', () => {
    expect(splitWatchdog([alert('Watchdog', 'firing')], null)).toMatchObject({ signal: null, watchdogs: 0, rest: [expect.anything()] });
  });
});

describe('watchdogIntervalWarning', () => {
  const am = { repeatIntervalSeconds: 60, groupIntervalSeconds: 60 };
  it.each([
    [60, 0, true],
    [120, 0, true],
    [60, 60, true],
    [121, 0, false],
    [180, 0, false],
    [60, 61, false],
  ])('interval %i s + grace %i s against 1m + 1m: warns %s', (intervalSeconds, graceSeconds, warns) => {
    expect(watchdogIntervalWarning({ name: 'prom', intervalSeconds, graceSeconds }, am) !== null).toBe(warns);
  });
  it('says what and why', () => {
    expect(watchdogIntervalWarning({ name: 'prom', intervalSeconds: 60, graceSeconds: 0 }, am)).toBe(
      "heartbeat 'prom' misses 60 s after a ping (interval 60 s + grace 0 s), but Alertmanager may re-send the Watchdog only every 120 s (repeat_interval 60 s + group_interval 60 s): it would miss while Prometheus is fine; make interval + grace longer than 120 s or shorten the route's repeat_interval",
    );
  });
});
