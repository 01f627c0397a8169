import { describe, expect, it } from 'vitest';
import { formatApiMessage } from './api-message';
import { containsIsoInstant, formatInstantsIn, formatRelative, formatWhen } from './instant-text';

const zone = 'Europe/Berlin';
const now = new Date('2026-12-07T01:04:00.000Z'); // 02:04 in Berlin

describe('instants in sentences', () => {
  it('says a time of today, a day and time otherwise, and how far ahead', () => {
    expect(formatWhen('2026-12-07T01:08:48.234Z', { now, zone })).toBe('02:08 (in 5 min)');
    expect(formatWhen('2026-12-07T01:00:00.000Z', { now, zone })).toBe('02:00');
    expect(formatWhen('2026-12-10T17:00:00.000Z', { now, zone })).toBe('Thu 10 Dec, 18:00');
    expect(formatWhen('2026-12-07T09:00:00+01:00', { now, zone, relative: false })).toBe('09:00');
    expect(formatRelative('2026-12-07T03:09:00Z', now)).toBe('in 2 h 5 min');
    expect(formatRelative('2026-12-07T01:01:00Z', now)).toBe('3 min ago');
  });

  it('replaces every ISO instant of a server sentence', () => {
    const text = 'Step 1 of 2: paging Alice (layer "Week", shift 47 (2026-11-30T08:00:00.000Z to 2026-12-07T08:00:00.000Z)); step 2 follows at 2026-12-07T01:08:48.234Z unless acknowledged';
    const shown = formatInstantsIn(text, { now, zone });
    expect(shown).toBe('Step 1 of 2: paging Alice (layer "Week", shift 47 (Mon 30 Nov, 09:00 to 09:00 (in 6 h 56 min))); step 2 follows at 02:08 (in 5 min) unless acknowledged');
    expect(containsIsoInstant(shown)).toBe(false);
    expect(formatInstantsIn('The Alertmanager silence ended at 2026-12-07 00:30 UTC', { now, zone })).toBe('The Alertmanager silence ended at 01:30');
  });

  it('formats the instants an API error mentions, from params or from the text', () => {
    expect(formatApiMessage('must be after start (2026-12-10T17:00:00.000Z)', { start: '2026-12-10T17:00:00.000Z' }, { now, zone })).toBe('must be after start (Thu 10 Dec, 18:00)');
    expect(formatApiMessage('must be in the future (now is {now})', { now: '2026-12-07T01:06:11.832Z' }, { now, zone })).toBe('must be in the future (now is 02:06)');
    expect(formatApiMessage('must be at most {max}', { max: 20 })).toBe('must be at most 20');
    expect(containsIsoInstant('2026-12-07')).toBe(false);
  });
});
