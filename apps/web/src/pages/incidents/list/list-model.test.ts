import type { IncidentJson } from '@heinrich/contracts/incidents';
import { describe, expect, it } from 'vitest';
import { groupByStorm, onItText, severityClass, statusCounts, worstSeverity } from './list-model';
import { apiFilter, parseListQuery } from './list-query';

const incident = (number: number, over: Partial<IncidentJson> = {}): IncidentJson => ({
  id: `00000000-0000-4000-8000-${String(number).padStart(12, '0')}`,
  number,
  title: `#${number}`,
  status: 'triggered',
  serviceId: '00000000-0000-4000-8000-000000000000',
  serviceName: 'checkout',
  severity: 'warning',
  groupLabels: {},
  alertCounts: { firing: 1, resolved: 0, superseded: 0, stale: 0, total: 1 },
  truncatedAlerts: 0,
  firingAlerts: 1,
  storm: null,
  flapping: false,
  maintenance: null,
  suppressedBy: null,
  createdAt: '2026-12-08T00:00:00.000Z',
  acknowledgedAt: null,
  acknowledgedBy: null,
  resolvedAt: null,
  resolvedBy: null,
  urgency: 'high',
  onIt: [],
  ...over,
});

describe('groupByStorm', () => {
  it("puts a storm's incidents under one entry at the place of its first; a lone storm incident stays a row", () => {
    const s = 'storm-1';
    const list = [
      incident(9),
      incident(8, { storm: { id: s, role: 'held' } }),
      incident(7, { storm: { id: 'storm-2', role: 'page' } }),
      incident(6, { storm: { id: s, role: 'page' }, severity: 'critical' }),
      incident(5),
    ];
    const entries = groupByStorm(list);
    expect(entries.map((e) => (e.kind === 'incident' ? e.incident.number : `storm:${e.incidents.map((i) => i.number).join('+')}`))).toEqual([9, 'storm:8+6', 7, 5]);
    const storm = entries[1]!;
    expect(storm.kind === 'storm' && storm.page?.number).toBe(6);
    expect(storm.kind === 'storm' && worstSeverity(storm.incidents)).toBe('critical');
  });
});

describe('row text', () => {
  it('severity classes, status counts and who is on it', () => {
    expect([severityClass('critical'), severityClass('WARNING'), severityClass('page'), severityClass(null)]).toEqual(['critical', 'warning', 'other', 'other']);
    expect(worstSeverity([incident(1, { severity: null }), incident(2, { severity: 'info' }), incident(3, { severity: 'error' })])).toBe('error');
    expect(statusCounts([incident(1), incident(2, { status: 'resolved' }), incident(3)])).toBe('2 triggered, 1 resolved');
    const u = (name: string, role: 'paged' | 'acknowledged') => ({ userId: '00000000-0000-4000-8000-000000000001', name, role });
    expect(onItText(incident(1, { onIt: [u('Alice', 'paged'), u('Bob', 'paged')] }))).toBe('Paged: Alice, Bob');
    expect(onItText(incident(1, { onIt: [u('Alice', 'acknowledged')] }))).toBe('Acked by Alice');
    expect(onItText(incident(1))).toBeNull();
  });
});

describe('the URL query', () => {
  it('defaults to open incidents, newest first; the insights filter covers every status unless one is chosen', () => {
    expect(apiFilter(parseListQuery(new URLSearchParams('')))).toMatchObject({ status: ['triggered', 'acknowledged'], sort: undefined, q: undefined });
    const q = parseListQuery(new URLSearchParams('q=%20disk%20&sort=severity&assigned=me&teams=mine'));
    expect(apiFilter(q)).toMatchObject({ q: 'disk', sort: 'severity', assigned: 'me', teams: 'mine' });
    const insight = parseListQuery(new URLSearchParams('insight=nearMiss&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z'));
    expect(insight.status).toBe('all');
    expect(apiFilter(insight)).toMatchObject({ status: [], insight: 'nearMiss', from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' });
    expect(apiFilter(parseListQuery(new URLSearchParams('insight=nearMiss&status=triggered'))).status).toEqual(['triggered']);
    // an unknown insight level is no filter
    expect(parseListQuery(new URLSearchParams('insight=huge')).insight).toBeNull();
  });
});
