import { describe, expect, it } from 'vitest';
import { decideMaintenanceHold, type MaintenanceHold, type MaintenanceHoldInput } from './decide-maintenance-hold';
import type { MaintenanceWindowSpec } from './maintenance-window';
import { validateMaintenanceWindow } from './validate-maintenance-window';

const T0 = Date.parse('2026-03-16T10:00:00Z');
const min = (m: number) => T0 + m * 60_000;
const win = (over: Partial<MaintenanceWindowSpec> = {}): MaintenanceWindowSpec => ({
  id: 'w1',
  reason: 'Upgrade PG',
  start: min(-10),
  end: min(50),
  recurrence: null,
  serviceIds: ['pg'],
  matchers: [],
  ...over,
});
const input = (over: Partial<MaintenanceHoldInput> = {}): MaintenanceHoldInput => ({
  serviceId: 'pg',
  openedAt: min(0),
  now: min(0),
  kind: 'alert',
  alertLabels: [{ alertname: 'PgDown', node: 'd01', namespace: 'batch-nightly' }],
  windows: [win()],
  ...over,
});

describe('decideMaintenanceHold', () => {
  it.each<[string, Partial<MaintenanceHoldInput>, MaintenanceHold]>([
    ['a window on the service holds it until its end', {}, { held: true, windowId: 'w1', reason: 'Upgrade PG', until: min(50) }],
    ['another service: not held', { serviceId: 'api' }, { held: false, reason: 'no-window' }],
    ['opened before the window: not held', { windows: [win({ start: min(1) })] }, { held: false, reason: 'no-window' }],
    ['opened at its end (exclusive): not held', { windows: [win({ end: min(0) })] }, { held: false, reason: 'no-window' }],
    ['manual incidents are never held', { kind: 'manual' }, { held: false, reason: 'manual' }],
    ['heartbeat incidents are held like alerts', { kind: 'heartbeat' }, { held: true, windowId: 'w1', reason: 'Upgrade PG', until: min(50) }],
    ['matchers that match every alert: held', { windows: [win({ matchers: ['node="d01"', 'namespace=~"batch-.*"'] })] }, { held: true, windowId: 'w1', reason: 'Upgrade PG', until: min(50) }],
    ['a matcher that does not match: not held', { windows: [win({ matchers: ['node="d02"'] })] }, { held: false, reason: 'no-window' }],
    ['regexes are anchored', { windows: [win({ matchers: ['namespace=~"batch"'] })] }, { held: false, reason: 'no-window' }],
    [
      'one alert outside the matchers: not held',
      { alertLabels: [{ node: 'd01' }, { node: 'd02' }], windows: [win({ matchers: ['node="d01"'] })] },
      { held: false, reason: 'no-window' },
    ],
    ['matchers and no alerts: not held', { alertLabels: [], windows: [win({ matchers: ['node="d01"'] })] }, { held: false, reason: 'no-window' }],
    ['the window ended before the worker decided: pages', { now: min(50) }, { held: false, reason: 'ended' }],
    [
      'of two windows, the one that ends last',
      { windows: [win(), win({ id: 'w2', reason: 'Kernel', end: min(90) })] },
      { held: true, windowId: 'w2', reason: 'Kernel', until: min(90) },
    ],
    [
      'a recurring window holds until the end of its occurrence',
      // Monday 2026-03-16 10:00Z = 11:00 Berlin; every Monday 10:30-12:00 Berlin
      { windows: [win({ end: null, recurrence: { weekdays: ['monday'], startTime: '10:30', endTime: '12:00', timeZone: 'Europe/Berlin' } })] },
      { held: true, windowId: 'w1', reason: 'Upgrade PG', until: Date.parse('2026-03-16T11:00:00Z') },
    ],
  ])('%s', (_, over, want) => {
    expect(decideMaintenanceHold(input(over))).toEqual(want);
  });
});

describe('validateMaintenanceWindow', () => {
  const base = win();
  it.each<[string, Partial<MaintenanceWindowSpec>, string[]]>([
    ['a good one-off window', {}, []],
    ['end before start', { end: min(-20) }, ['end']],
    ['end equal to start', { end: min(-10) }, ['end']],
    ['a one-off window needs an end', { end: null }, ['end']],
    ['no services', { serviceIds: [] }, ['serviceIds']],
    ['an empty reason', { reason: '  ' }, ['reason']],
    ['an invalid matcher names its index', { matchers: ['node="d01"', 'node=~"("'] }, ['matchers.1']],
    ['an unknown zone', { end: null, recurrence: { weekdays: ['sunday'], startTime: '02:00', endTime: '04:00', timeZone: 'Mars/Olympus' } }, ['recurrence.timeZone']],
    ['a bad start time', { end: null, recurrence: { weekdays: ['sunday'], startTime: '24:00', endTime: '04:00', timeZone: 'UTC' } }, ['recurrence.startTime']],
    ['both endTime and duration', { end: null, recurrence: { weekdays: ['sunday'], startTime: '02:00', endTime: '04:00', durationMinutes: 60, timeZone: 'UTC' } }, ['recurrence']],
    ['neither endTime nor duration', { end: null, recurrence: { weekdays: ['sunday'], startTime: '02:00', timeZone: 'UTC' } }, ['recurrence']],
    ['a duration over a week', { end: null, recurrence: { weekdays: ['sunday'], startTime: '02:00', durationMinutes: 20000, timeZone: 'UTC' } }, ['recurrence.durationMinutes']],
    ['endTime equal to startTime', { end: null, recurrence: { weekdays: ['sunday'], startTime: '02:00', endTime: '02:00', timeZone: 'UTC' } }, ['recurrence.endTime']],
    ['no weekdays', { end: null, recurrence: { weekdays: [], startTime: '02:00', endTime: '04:00', timeZone: 'UTC' } }, ['recurrence.weekdays']],
    ['a recurring window may run for ever', { end: null, recurrence: { weekdays: ['sunday'], startTime: '02:00', endTime: '04:00', timeZone: 'Europe/Berlin' } }, []],
  ])('%s', (_, over, paths) => {
    expect(validateMaintenanceWindow({ ...base, ...over }).map((p) => p.path)).toEqual(paths);
  });
});
