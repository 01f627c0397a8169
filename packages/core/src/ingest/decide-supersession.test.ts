import { describe, expect, it } from 'vitest';
import type { IncomingAlert } from '../incoming-alert';
import { decideSupersession, type StoredOccurrence } from './decide-supersession';
import type { DistinctOccurrence } from './distinct-occurrences';

const occurrence = (index: number, pod: string, startsAt: string, owner = 0): DistinctOccurrence => ({
  index,
  serviceId: 's1',
  copies: 1,
  owner,
  alert: {
    fingerprint: `fp-${pod}`,
    startsAt,
    endsAt: null,
    status: 'firing',
    labels: { pod },
    annotations: {},
    generatorUrl: null,
    severity: null,
    group: { key: 'g', keyHash: 'h', labels: {}, title: 't' },
  } satisfies IncomingAlert,
});
const stored = (pod: string, startsAt: string, status: StoredOccurrence['status'], incidentId = 'i1'): StoredOccurrence => ({
  alertId: `a-${pod}-${startsAt}`,
  serviceId: 's1',
  fingerprint: `fp-${pod}`,
  startsAt: new Date(startsAt),
  status,
  incidentId,
  incidentNumber: 1,
  labels: { pod },
});
const T1 = '2026-03-01T10:00:00Z';
const T2 = '2026-03-01T11:00:00Z';
const T3 = '2026-03-01T12:00:00Z';

describe('decideSupersession', () => {
  const cases: { name: string; fresh: DistinctOccurrence[]; stored: StoredOccurrence[]; current: number[]; stale: [number, string | null, number | null][]; superseded: string[] }[] = [
    { name: 'a first occurrence is current', fresh: [occurrence(0, 'a', T1)], stored: [], current: [0], stale: [], superseded: [] },
    {
      name: 'a re-fire after a resolve is current and supersedes nothing',
      fresh: [occurrence(0, 'a', T2)],
      stored: [stored('a', T1, 'resolved')],
      current: [0],
      stale: [],
      superseded: [],
    },
    {
      name: 'a newer startsAt supersedes the firing occurrence (Prometheus restarted after a lost resolve)',
      fresh: [occurrence(0, 'a', T2)],
      stored: [stored('a', T1, 'firing')],
      current: [0],
      stale: [],
      superseded: [`a-a-${T1}`],
    },
    {
      name: 'an older startsAt than the one known is stale (a replayed notification)',
      fresh: [occurrence(0, 'a', T1)],
      stored: [stored('a', T2, 'firing', 'i9')],
      current: [],
      stale: [[0, 'i9', null]],
      superseded: [],
    },
    {
      name: 'older than a resolved newer occurrence is stale too',
      fresh: [occurrence(0, 'a', T1)],
      stored: [stored('a', T2, 'resolved', 'i9')],
      current: [],
      stale: [[0, 'i9', null]],
      superseded: [],
    },
    {
      name: 'two new occurrences of one fingerprint in a batch: the newest is current, the other stale behind it',
      fresh: [occurrence(0, 'a', T2), occurrence(1, 'a', T3)],
      stored: [stored('a', T1, 'firing')],
      current: [1],
      stale: [[0, null, 1]],
      superseded: [`a-a-${T1}`],
    },
    {
      name: 'fingerprints are decided apart',
      fresh: [occurrence(0, 'a', T1), occurrence(1, 'b', T3)],
      stored: [stored('a', T2, 'firing'), stored('b', T2, 'firing')],
      current: [1],
      stale: [[0, 'i1', null]],
      superseded: [`a-b-${T2}`],
    },
  ];
  it.each(cases)('$name', (c) => {
    const s = decideSupersession(c.fresh, c.stored);
    expect(s.current.map((o) => o.index)).toEqual(c.current);
    expect(s.stale.map((x) => [x.index, x.incidentId, x.newerIndex])).toEqual(c.stale);
    expect(s.superseded.map((x) => x.alertId)).toEqual(c.superseded);
  });

  it('the superseding delivery owns the supersession', () => {
    const s = decideSupersession([occurrence(0, 'a', T2, 3)], [stored('a', T1, 'firing')]);
    expect(s.superseded[0]).toMatchObject({ owner: 3, incidentId: 'i1', fingerprint: 'fp-a' });
  });
});
