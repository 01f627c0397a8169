import { describe, expect, it } from 'vitest';
import { ANNOUNCE_LOOKBACK_MS, dueMaintenanceAnnouncements } from './due-maintenance-announcements';

const t = (iso: string) => Date.parse(iso);
const MIN = 60_000;

describe('dueMaintenanceAnnouncements', () => {
  const once = { start: t('2026-12-07T14:00:00Z'), end: t('2026-12-07T15:00:00Z'), recurrence: null };
  const created = t('2026-12-07T13:00:00Z');

  it('a one-off window: its start while it lasts, its end once passed; nothing before', () => {
    expect(dueMaintenanceAnnouncements(once, created, once.start - 1)).toEqual([]);
    expect(dueMaintenanceAnnouncements(once, created, once.start)).toEqual([{ kind: 'started', occurrenceStart: once.start, at: once.start, until: once.end }]);
    expect(dueMaintenanceAnnouncements(once, created, once.start + 14 * MIN)).toHaveLength(1);
    // older than the lookback: not announced any more
    expect(dueMaintenanceAnnouncements(once, created, once.start + ANNOUNCE_LOOKBACK_MS)).toEqual([]);
    expect(dueMaintenanceAnnouncements(once, created, once.end)).toEqual([{ kind: 'ended', occurrenceStart: once.start, at: once.end, until: once.end }]);
    expect(dueMaintenanceAnnouncements(once, created, once.end + 16 * MIN)).toEqual([]);
  });

  it('a stretch already over when first seen announces only its end', () => {
    const short = { ...once, end: once.start + 2 * MIN };
    expect(dueMaintenanceAnnouncements(short, created, once.start + 3 * MIN)).toEqual([{ kind: 'ended', occurrenceStart: once.start, at: short.end, until: short.end }]);
  });

  it('a window created already over announces nothing; one created from 10 minutes ago announces its start', () => {
    expect(dueMaintenanceAnnouncements(once, once.end + MIN, once.end + 2 * MIN)).toEqual([]);
    expect(dueMaintenanceAnnouncements(once, once.start + 10 * MIN, once.start + 10 * MIN)).toEqual([{ kind: 'started', occurrenceStart: once.start, at: once.start, until: once.end }]);
  });

  it('ended early: the end is due at the new end, the stretch keeps its start', () => {
    const early = { ...once, end: t('2026-12-07T14:20:00Z') };
    expect(dueMaintenanceAnnouncements(early, created, early.end)).toEqual([{ kind: 'ended', occurrenceStart: once.start, at: early.end, until: early.end }]);
  });

  it('a weekly window in Europe/Berlin: each occurrence, across the spring-forward day', () => {
    const weekly = {
      start: t('2026-03-01T00:00:00Z'),
      end: null,
      recurrence: { weekdays: ['sunday' as const], startTime: '02:30', endTime: '04:00', timeZone: 'Europe/Berlin' },
    };
    // 29 March 2026: 02:30 does not exist; the occurrence runs 03:30-04:00 CEST (01:30Z-02:00Z)
    const created = weekly.start;
    const start = t('2026-03-29T01:30:00Z');
    const end = t('2026-03-29T02:00:00Z');
    expect(dueMaintenanceAnnouncements(weekly, created, start + MIN)).toEqual([{ kind: 'started', occurrenceStart: start, at: start, until: end }]);
    expect(dueMaintenanceAnnouncements(weekly, created, end)).toEqual([{ kind: 'ended', occurrenceStart: start, at: end, until: end }]);
    // the week before: 02:30-04:00 CET (01:30Z-03:00Z)
    expect(dueMaintenanceAnnouncements(weekly, created, t('2026-03-22T03:00:00Z'))).toEqual([
      { kind: 'ended', occurrenceStart: t('2026-03-22T01:30:00Z'), at: t('2026-03-22T03:00:00Z'), until: t('2026-03-22T03:00:00Z') },
    ]);
  });

  it('a recurrence that never stops has no end to announce while it lasts', () => {
    const forever = { start: t('2026-12-07T14:00:00Z'), end: null, recurrence: null };
    expect(dueMaintenanceAnnouncements(forever, created, forever.start + MIN)).toEqual([{ kind: 'started', occurrenceStart: forever.start, at: forever.start, until: null }]);
  });
});
