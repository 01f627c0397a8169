import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IncomingAlert } from '../incoming-alert';
import { decideIngestChanges, decideIngestOutcome, type IngestRows } from './decide-ingest-outcome';
import { distinctOccurrences } from './distinct-occurrences';
import type { IngestDelivery } from './ingest-delivery';

const alert = (pod: string, over: Partial<IncomingAlert> = {}): IncomingAlert => ({
  fingerprint: `fp-${pod}`,
  startsAt: '2026-03-01T10:00:00Z',
  endsAt: null,
  status: 'firing',
  labels: { alertname: 'KubePodCrashLooping', pod },
  annotations: {},
  generatorUrl: null,
  severity: 'critical',
  group: { key: '{}:{node="d01"}', keyHash: 'h1', labels: { node: 'd01' }, title: 'KubePodCrashLooping on d01' },
  ...over,
});
const resolved = (pod: string) => alert(pod, { status: 'resolved', endsAt: '2026-03-01T10:30:00Z' });
const delivery = (alerts: IncomingAlert[], over: Partial<IngestDelivery> = {}): IngestDelivery => ({
  serviceId: 's1',
  autoResolve: true,
  alerts,
  truncatedAlerts: null,
  via: 'alertmanager',
  actor: 'key-1',
  ...over,
});
const fresh = (index: number, incidentId = 'i1', inserted = true) => ({ index, incidentId, incidentNumber: incidentId === 'i1' ? 7 : 8, truncatedAlerts: 0, inserted });
const known = (index: number, becameResolved: boolean, incidentId = 'i1', truncatedAlerts = 0) => ({ index, incidentId, incidentNumber: 7, truncatedAlerts, becameResolved });
const rows = (over: Partial<IngestRows>): IngestRows => ({ known: [], fresh: [], incidents: new Map(), ...over });

/** decide both halves, the auto-resolve candidates all resolving (nothing else fires) unless told */
function decide(deliveries: IngestDelivery[], r: IngestRows, resolves = true) {
  const batch = distinctOccurrences(deliveries);
  const changes = decideIngestChanges(deliveries, batch, r);
  const autoResolved = resolves ? [...changes.autoResolve.keys()].map((id) => ({ id, number: 7 })) : [];
  return { batch, changes, ...decideIngestOutcome(deliveries, batch, r, changes, autoResolved) };
}
const timeline = (events: { type: string; message: string; owner: number; topic?: string }[]) => events.map((e) => [e.owner, e.type, e.message, e.topic ?? null]);
const counts = (s: { alertsNew: number; alertsDeduplicated: number; alertsResolved: number; alertsIgnored: number; incidentsOpened: number; incidentsResolved: number }) => [s.alertsNew, s.alertsDeduplicated, s.alertsResolved, s.alertsIgnored, s.incidentsOpened, s.incidentsResolved];

describe('decideIngestChanges / decideIngestOutcome', () => {
  // counts: [new, deduplicated, resolved, ignored, incidentsOpened, incidentsResolved] per delivery
  const cases: { name: string; deliveries: IngestDelivery[]; rows: IngestRows; resolves?: boolean; timeline: unknown[]; counts: number[][] }[] = [
    {
      name: 'fresh alerts open an incident',
      deliveries: [delivery([alert('a'), alert('b')])],
      rows: rows({ fresh: [fresh(0), fresh(1)], incidents: new Map([['i1', { number: 7, opened: true }]]) }),
      timeline: [[0, 'opened', 'Incident #7 opened with 2 alerts', 'incident.opened']],
      counts: [[2, 0, 0, 0, 1, 0]],
    },
    {
      name: 'fresh alerts join an open incident, named briefly',
      deliveries: [delivery(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((p) => alert(p)))],
      rows: rows({ fresh: [0, 1, 2, 3, 4, 5, 6].map((i) => fresh(i)), incidents: new Map([['i1', { number: 7, opened: false }]]) }),
      timeline: [[0, 'alerts_added', '7 alerts added: a, b, c, d, e and 2 more', 'incident.alerts_added']],
      counts: [[7, 0, 0, 0, 0, 0]],
    },
    {
      name: 'a re-send is deduplicated and writes nothing',
      deliveries: [delivery([alert('a')])],
      rows: rows({ known: [known(0, false)] }),
      timeline: [],
      counts: [[0, 1, 0, 0, 0, 0]],
    },
    {
      name: 'the last alert resolving resolves an auto-resolving incident',
      deliveries: [delivery([resolved('a')])],
      rows: rows({ known: [known(0, true)] }),
      timeline: [
        [0, 'alerts_resolved', '1 alert resolved: a', null],
        [0, 'resolved', 'Incident #7 resolved: all its alerts have resolved', 'incident.resolved'],
      ],
      counts: [[0, 1, 1, 0, 0, 1]],
    },
    {
      name: 'a resolve while other alerts still fire leaves the incident open',
      deliveries: [delivery([resolved('a')])],
      rows: rows({ known: [known(0, true)] }),
      resolves: false,
      timeline: [[0, 'alerts_resolved', '1 alert resolved: a', null]],
      counts: [[0, 1, 1, 0, 0, 0]],
    },
    {
      name: 'a service without auto-resolve only records the resolve',
      deliveries: [delivery([resolved('a')], { autoResolve: false })],
      rows: rows({ known: [known(0, true)] }),
      timeline: [[0, 'alerts_resolved', '1 alert resolved: a', null]],
      counts: [[0, 1, 1, 0, 0, 0]],
    },
    {
      name: 'a resolve never seen firing is ignored',
      deliveries: [delivery([resolved('a')])],
      rows: rows({}),
      timeline: [],
      counts: [[0, 0, 0, 1, 0, 0]],
    },
    {
      name: 'an HA pair: the first delivery owns the outcome, the second is a re-send',
      deliveries: [delivery([alert('a')]), delivery([alert('a')], { actor: 'key-2' })],
      rows: rows({ fresh: [fresh(0)], incidents: new Map([['i1', { number: 7, opened: true }]]) }),
      timeline: [[0, 'opened', 'Incident #7 opened with 1 alert', 'incident.opened']],
      counts: [
        [1, 0, 0, 0, 1, 0],
        [0, 1, 0, 0, 0, 0],
      ],
    },
    {
      name: 'the same alert twice in one delivery counts once as new',
      deliveries: [delivery([alert('a'), alert('a')])],
      rows: rows({ fresh: [fresh(0)], incidents: new Map([['i1', { number: 7, opened: true }]]) }),
      timeline: [[0, 'opened', 'Incident #7 opened with 1 alert', 'incident.opened']],
      counts: [[1, 1, 0, 0, 1, 0]],
    },
    {
      name: 'a row a racing copy inserted first is a re-send',
      deliveries: [delivery([alert('a')])],
      rows: rows({ fresh: [fresh(0, 'i1', false)], incidents: new Map([['i1', { number: 7, opened: false }]]) }),
      timeline: [],
      counts: [[0, 1, 0, 0, 0, 0]],
    },
    {
      name: 'two groups in one delivery: one opened, one joined',
      deliveries: [delivery([alert('a'), alert('b', { group: { key: 'g2', keyHash: 'h2', labels: {}, title: 't2' } })])],
      rows: rows({ fresh: [fresh(0, 'i1'), fresh(1, 'i2')], incidents: new Map([['i1', { number: 7, opened: true }], ['i2', { number: 8, opened: false }]]) }),
      timeline: [
        [0, 'opened', 'Incident #7 opened with 1 alert', 'incident.opened'],
        [0, 'alerts_added', '1 alert added: b', 'incident.alerts_added'],
      ],
      counts: [[2, 0, 0, 0, 1, 0]],
    },
  ];

  it.each(cases)('$name', (c) => {
    const { events, summaries } = decide(c.deliveries, c.rows, c.resolves ?? true);
    expect(timeline(events)).toEqual(c.timeline);
    expect(summaries.map(counts)).toEqual(c.counts);
    summaries.forEach((s, i) => expect(s.alertsReceived).toBe(c.deliveries[i]!.alerts.length));
  });

  it('a supersession is on the old incident, may auto-resolve it, and a stale occurrence is counted apart', () => {
    const deliveries = [delivery([alert('a', { startsAt: '2026-03-01T11:00:00Z' }), alert('b')])];
    const r = rows({
      fresh: [fresh(0, 'i2')],
      incidents: new Map([['i2', { number: 8, opened: true }]]),
      superseded: [{ alertId: 'x', incidentId: 'i1', incidentNumber: 7, fingerprint: 'fp-a', labels: { pod: 'a' }, owner: 0 }],
      stale: [{ index: 1, incidentId: 'i1', incidentNumber: 7 }],
    });
    const { events, summaries, changes } = decide(deliveries, r);
    expect(timeline(events)).toEqual([
      [0, 'opened', 'Incident #8 opened with 1 alert', 'incident.opened'],
      [0, 'alerts_superseded', '1 alert superseded by a newer occurrence: a', null],
      [0, 'alerts_stale', '1 alert ignored as stale, older than the occurrence already known: b', null],
      [0, 'resolved', 'Incident #7 resolved: all its alerts have resolved', 'incident.resolved'],
    ]);
    expect([...changes.autoResolve.keys()]).toEqual(['i1']);
    expect(summaries[0]).toMatchObject({ alertsNew: 1, alertsStale: 1, alertsIgnored: 0, alertsDeduplicated: 0 });
  });

  it('events carry the fingerprints, the delivery actor and via; the auto-resolve is the system', () => {
    const { events } = decide([delivery([resolved('a'), resolved('b')], { actor: 'key-9', via: 'events' })], rows({ known: [known(0, true), known(1, true)] }));
    expect(events.map((e) => [e.type, e.actor, e.via, e.data ?? null])).toEqual([
      ['alerts_resolved', 'key-9', 'events', { fingerprints: ['fp-a', 'fp-b'] }],
      ['resolved', 'system', 'events', null],
    ]);
  });

  it('the answer lists the incidents each delivery touched', () => {
    const { summaries } = decide(
      [delivery([alert('a')]), delivery([alert('a'), resolved('z')])],
      rows({ fresh: [fresh(0)], known: [known(1, false, 'i2')], incidents: new Map([['i1', { number: 7, opened: true }]]) }),
    );
    expect(summaries.map((s) => s.incidents)).toEqual([[{ id: 'i1', number: 7 }], [{ id: 'i1', number: 7 }, { id: 'i2', number: 7 }]]);
  });

  describe('truncatedAlerts', () => {
    const cases: { name: string; sent: (number | null)[]; stored: number; want: { value: number; incidentIds: string[] }[] }[] = [
      { name: 'a new count is stored', sent: [3], stored: 0, want: [{ value: 3, incidentIds: ['i1'] }] },
      { name: 'an unchanged count is not written', sent: [3], stored: 3, want: [] },
      { name: 'a sender without the notion changes nothing', sent: [null], stored: 3, want: [] },
      { name: 'the last delivery to touch the incident wins', sent: [5, 0], stored: 3, want: [{ value: 0, incidentIds: ['i1'] }] },
    ];
    it.each(cases)('$name', (c) => {
      const deliveries = c.sent.map((t) => delivery([alert('a')], { truncatedAlerts: t }));
      const r = rows({ known: [known(0, false, 'i1', c.stored)] });
      expect(decideIngestChanges(deliveries, distinctOccurrences(deliveries), r).truncation).toEqual(c.want);
    });
  });

  it('every alert of every delivery is counted exactly once as new, deduplicated or ignored', () => {
    const pods = ['a', 'b', 'c', 'd'];
    const arbDelivery = fc.array(fc.tuple(fc.constantFrom(...pods), fc.boolean()), { maxLength: 8 }).map((list) => delivery(list.map(([p, firing]) => (firing ? alert(p) : resolved(p)))));
    fc.assert(
      fc.property(fc.array(arbDelivery, { minLength: 1, maxLength: 4 }), fc.array(fc.constantFrom('known', 'fresh', 'none'), { minLength: 16, maxLength: 16 }), (deliveries, fate) => {
        const batch = distinctOccurrences(deliveries);
        const r = rows({
          known: batch.occurrences.filter((o) => fate[o.index] === 'known').map((o) => known(o.index, o.alert.status === 'resolved')),
          fresh: batch.occurrences.filter((o) => fate[o.index] === 'fresh' && o.alert.status === 'firing').map((o) => fresh(o.index)),
          incidents: new Map([['i1', { number: 7, opened: true }]]),
        });
        const { summaries } = decide(deliveries, r);
        summaries.forEach((s, i) => expect(s.alertsNew + s.alertsDeduplicated + s.alertsIgnored + s.alertsStale).toBe(deliveries[i]!.alerts.length));
        expect(summaries.reduce((n, s) => n + s.alertsNew, 0)).toBe(r.fresh.length);
        expect(summaries.reduce((n, s) => n + s.incidentsOpened, 0)).toBe(r.fresh.length > 0 ? 1 : 0);
      }),
    );
  });
});
