import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error';
import { onCallAt } from './on-call-at';
import type { Schedule, ScheduleLayer } from './schedule';
import { validateOverride, validateSchedule } from './validate-schedule';

const layer = (over: Partial<ScheduleLayer> = {}): ScheduleLayer => ({
  name: 'primary',
  members: ['alice', 'bob'],
  rotation: { type: 'weekly', shiftLength: 1 },
  start: '2026-03-16T09:00:00+01:00',
  ...over,
});
const schedule = (over: Partial<Schedule> = {}): Schedule => ({ timeZone: 'Europe/Berlin', layers: [layer()], ...over });
const paths = (s: Schedule, prefix?: string) => validateSchedule(s, prefix).map((p) => p.path);

describe('validateSchedule', () => {
  it('accepts the issue example', () => {
    expect(
      validateSchedule(
        schedule({
          layers: [
            layer({
              restrictions: [{ type: 'weekly', start: { weekday: 'monday', time: '09:00' }, end: { weekday: 'friday', time: '17:00' } }],
            }),
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('names an unknown time zone', () => {
    const problems = validateSchedule(schedule({ timeZone: 'Europe/Atlantis' }));
    expect(problems).toEqual([{ path: 'timeZone', message: expect.stringContaining('unknown time zone "Europe/Atlantis"') }]);
  });

  it('names empty layers and empty members', () => {
    expect(paths(schedule({ layers: [] }))).toEqual(['layers']);
    expect(paths(schedule({ layers: [layer(), layer({ members: [] })] }))).toEqual(['layers.1.members']);
    expect(paths(schedule({ layers: [layer({ members: ['alice', ''] })] }))).toEqual(['layers.0.members.1']);
  });

  it('names a shift length below 1, fractional where it must be whole, or not a number', () => {
    expect(paths(schedule({ layers: [layer({ rotation: { type: 'daily', shiftLength: 0 } })] }))).toEqual(['layers.0.rotation.shiftLength']);
    expect(paths(schedule({ layers: [layer({ rotation: { type: 'hourly', shiftLength: 0.5 } })] }))).toEqual(['layers.0.rotation.shiftLength']);
    expect(paths(schedule({ layers: [layer({ rotation: { type: 'weekly', shiftLength: 1.5 } })] }))).toEqual(['layers.0.rotation.shiftLength']);
    expect(paths(schedule({ layers: [layer({ rotation: { type: 'custom', shiftLength: 1.01 } })] }))).toEqual(['layers.0.rotation.shiftLength']);
    expect(paths(schedule({ layers: [layer({ rotation: { type: 'custom', shiftLength: Number.NaN } })] }))).toEqual(['layers.0.rotation.shiftLength']);
    expect(validateSchedule(schedule({ layers: [layer({ rotation: { type: 'custom', shiftLength: 1.5 } })] }))).toEqual([]);
    expect(paths(schedule({ layers: [layer({ rotation: { type: 'monthly' as 'daily', shiftLength: 1 } })] }))).toEqual(['layers.0.rotation.type']);
  });

  it('names starts without an offset and an end not after the start', () => {
    expect(paths(schedule({ layers: [layer({ start: '2026-03-16T09:00:00' })] }))).toEqual(['layers.0.start']);
    expect(paths(schedule({ layers: [layer({ end: '2026-03-16T08:00:00Z' })] }))).toEqual(['layers.0.end']); // = start
    expect(paths(schedule({ layers: [layer({ end: '2026-03-16T07:00:00Z' })] }))).toEqual(['layers.0.end']);
    expect(validateSchedule(schedule({ layers: [layer({ end: '2026-03-16T08:00:01Z' })] }))).toEqual([]);
  });

  it('names restriction windows that make no sense', () => {
    const bad = paths(
      schedule({
        layers: [
          layer({
            restrictions: [
              { type: 'daily', start: '09:00', end: '09:00' }, // zero length
              { type: 'daily', start: '9:00', end: '24:00' }, // malformed, out of range
              { type: 'weekly', start: { weekday: 'friday', time: '17:00' }, end: { weekday: 'friday', time: '17:00' } },
              { type: 'weekly', start: { weekday: 'fri' as 'friday', time: '17:00' }, end: { weekday: 'monday', time: '25:00' } },
              { type: 'monthly' } as never,
            ],
          }),
        ],
      }),
    );
    expect(bad).toEqual([
      'layers.0.restrictions.0.end',
      'layers.0.restrictions.1.start',
      'layers.0.restrictions.1.end',
      'layers.0.restrictions.2.end',
      'layers.0.restrictions.3.start.weekday',
      'layers.0.restrictions.3.end.time',
      'layers.0.restrictions.4.type',
    ]);
    // across midnight and across the week boundary are fine
    expect(
      validateSchedule(
        schedule({
          layers: [
            layer({
              restrictions: [
                { type: 'daily', start: '22:00', end: '06:00' },
                { type: 'weekly', start: { weekday: 'friday', time: '17:00' }, end: { weekday: 'monday', time: '09:00' } },
              ],
            }),
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('prefixes paths and survives garbage', () => {
    expect(paths(schedule({ timeZone: 'x' }), 'body')).toEqual(['body.timeZone']);
    expect(paths(null as unknown as Schedule)).toEqual(['(body)']);
    expect(paths({ timeZone: 'UTC', layers: [null, { name: '' }] } as unknown as Schedule)).toEqual([
      'layers.0',
      'layers.1.name',
      'layers.1.members',
      'layers.1.rotation',
      'layers.1.start',
    ]);
  });
});

describe('validateOverride', () => {
  it('names a missing user, a bad instant and an end not after the start', () => {
    expect(validateOverride({ userId: 'carol', start: '2026-03-20T10:00:00+01:00', end: '2026-03-20T12:00:00+01:00' })).toEqual([]);
    expect(validateOverride({ userId: '', start: 'yesterday', end: '2026-03-20T12:00:00+01:00' }, 'overrides.2').map((p) => p.path)).toEqual([
      'overrides.2.userId',
      'overrides.2.start',
    ]);
    expect(validateOverride({ userId: 'carol', start: '2026-03-20T12:00:00+01:00', end: '2026-03-20T11:00:00Z' }).map((p) => p.path)).toEqual(['end']);
  });
});

describe('the resolver refuses unusable data with AppError naming the fields', () => {
  it('throws validation_failed listing schedule and override problems', () => {
    let error: unknown;
    try {
      onCallAt(schedule({ id: 's1', layers: [layer({ members: [] })] }), [{ userId: 'carol', start: '2026-03-20T12:00:00Z', end: '2026-03-20T12:00:00Z' }], '2026-03-20T12:00:00Z');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation_failed');
    expect((error as AppError).message).toMatch(/^Cannot resolve schedule s1: layers\.0\.members /);
    expect((error as AppError).fields.map((f) => f.path)).toEqual(['layers.0.members', 'overrides.0.end']);
  });

  it('refuses an instant argument without an offset', () => {
    expect(() => onCallAt(schedule(), [], '2026-03-20T12:00:00')).toThrow(/Invalid at/);
  });
});
