import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideFlapping, isFlapQuiet, type FlapDecision, type FlapInput, type FlapState } from './decide-flapping';
import { DEFAULT_NOISE_SETTINGS } from './noise-settings';

const T0 = Date.parse('2026-03-16T03:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000);
const flapping = DEFAULT_NOISE_SETTINGS.flapping;

function state(over: Partial<FlapState> = {}): FlapState {
  return { firing: false, changes: [], flappingSince: null, flapChanges: 0, incidentId: null, endedBy: null, ...over };
}

function input(over: Partial<FlapInput>): FlapInput {
  return { settings: flapping, now: at(100), stored: null, firingNow: true, openIncidentId: null, lastIncident: null, ...over };
}

const resolvedItself = (s: number) => ({ id: 'i1', number: 1, resolvedAt: at(s), byHand: false });

describe('decideFlapping', () => {
  it.each<[string, Partial<FlapInput>, Partial<FlapDecision>]>([
    ['the first firing is a change', {}, { change: 'fired', holdOpen: false, suppressed: false, reopenIncidentId: null }],
    ['a re-send of a firing group is no change', { stored: state({ firing: true, changes: [at(0)] }), openIncidentId: 'i1' }, { change: null, next: null }],
    ['a resolve of a group never seen is no change', { firingNow: false }, { change: null, next: null }],
    [
      'the 3rd change (firing again) is not flapping yet: a new incident',
      { stored: state({ changes: [at(0), at(30)] }), lastIncident: resolvedItself(30) },
      { change: 'fired', reopenIncidentId: null, suppressed: false, holdOpen: false },
    ],
    [
      'the 4th change (a resolve) starts flapping: the incident is held open',
      { stored: state({ firing: true, changes: [at(0), at(30), at(60)] }), firingNow: false, openIncidentId: 'i2' },
      { change: 'resolved', holdOpen: true, suppressed: false },
    ],
    [
      'firing again while flapping joins the held incident: suppressed',
      { stored: state({ changes: [at(0), at(30), at(60), at(90)], flappingSince: at(90), flapChanges: 4, incidentId: 'i2' }), openIncidentId: 'i2' },
      { change: 'fired', suppressed: true, reopenIncidentId: null, holdOpen: true },
    ],
    [
      'changes older than the window do not count',
      { stored: state({ firing: true, changes: [at(100 - 1800), at(30), at(60)] }), firingNow: false, openIncidentId: 'i2' },
      { change: 'resolved', holdOpen: false },
    ],
    [
      'a change exactly windowSeconds old no longer counts',
      { stored: state({ firing: true, changes: [at(100 - 1800), at(30), at(60)] }), firingNow: false, openIncidentId: 'i2', now: at(100) },
      { holdOpen: false },
    ],
    [
      'threshold 3: the 3rd change (firing) re-opens the incident that resolved by itself, no page',
      { settings: { ...flapping, changes: 3 }, stored: state({ changes: [at(0), at(30)] }), lastIncident: resolvedItself(30) },
      { change: 'fired', reopenIncidentId: 'i1', suppressed: true },
    ],
    [
      'threshold 3, but its incident was resolved by a person: a new incident',
      { settings: { ...flapping, changes: 3 }, stored: state({ changes: [at(0), at(30)] }), lastIncident: { ...resolvedItself(30), byHand: true } },
      { change: 'fired', reopenIncidentId: null, suppressed: false },
    ],
    [
      'firing within the window after the flapping incident resolved quietly: re-opens it',
      { stored: state({ changes: [], flapChanges: 6, incidentId: 'i1', endedBy: 'quiet' }), lastIncident: resolvedItself(40), now: at(400) },
      { change: 'fired', reopenIncidentId: 'i1', suppressed: true },
    ],
    [
      'firing a window after the quiet resolve: a new incident',
      { stored: state({ changes: [], flapChanges: 6, incidentId: 'i1', endedBy: 'quiet' }), lastIncident: resolvedItself(0), now: at(1800) },
      { change: 'fired', reopenIncidentId: null, suppressed: false },
    ],
    ['flapping disabled: nothing', { settings: { ...flapping, enabled: false }, stored: state({ changes: [at(0), at(30), at(60)] }) }, { change: null, next: null }],
  ])('%s', (_, over, want) => {
    expect(decideFlapping(input(over))).toMatchObject(want);
  });

  it('the change that reaches the threshold says so with the numbers, and the state records the episode', () => {
    const d = decideFlapping(input({ stored: state({ firing: true, changes: [at(0), at(30), at(60)] }), firingNow: false, openIncidentId: 'i2' }));
    expect(d.events).toEqual([
      expect.objectContaining({ type: 'flapping_started', data: { changes: 4, windowSeconds: 1800, threshold: 4 }, message: expect.stringContaining('4 times in 30 min') }),
    ]);
    expect(d.next).toMatchObject({ firing: false, flappingSince: at(100), flapChanges: 4, incidentId: 'i2', changes: [at(0), at(30), at(60), at(100)] });
  });

  it('a re-open says how often the group has flapped', () => {
    const d = decideFlapping(input({ stored: state({ flapChanges: 6, incidentId: 'i1', endedBy: 'quiet' }), lastIncident: resolvedItself(40), now: at(400) }));
    expect(d.events).toEqual([expect.objectContaining({ type: 'flap_reopened', message: expect.stringContaining('7 state changes') })]);
    expect(d.next).toMatchObject({ flappingSince: at(400), flapChanges: 7, endedBy: null, incidentId: 'i1' });
  });

  it('the first firing after a person ended the flapping opens a new incident whose timeline says the group had been flapping', () => {
    const d = decideFlapping(input({ stored: state({ flapChanges: 5, incidentId: 'i1', endedBy: 'hand' }), lastIncident: { ...resolvedItself(40), byHand: true } }));
    expect(d).toMatchObject({ change: 'fired', reopenIncidentId: null, suppressed: false });
    expect(d.events).toEqual([
      expect.objectContaining({ type: 'flapped_before', data: { flapChanges: 5, resolvedIncidentNumber: 1 }, message: expect.stringContaining('until a person resolved incident #1 by hand') }),
    ]);
    expect(d.next).toMatchObject({ endedBy: null, changes: [at(100)] });
  });

  it('is quiet once nothing has fired for the window since the last change', () => {
    const s = state({ changes: [at(0), at(60)], flappingSince: at(60) });
    expect(isFlapQuiet(flapping, s, at(60 + 1799))).toBe(false);
    expect(isFlapQuiet(flapping, s, at(60 + 1800))).toBe(true);
    expect(isFlapQuiet(flapping, { ...s, firing: true }, at(60 + 3600))).toBe(false);
    expect(isFlapQuiet(flapping, { ...s, flappingSince: null }, at(60 + 3600))).toBe(false);
  });

  // A model of ingest around the decision: auto-resolving service, one group.
  function simulate(settings: FlapInput['settings'], steps: { firing: boolean; s: number }[]) {
    let stored: FlapState | null = null;
    const incidents: { id: string; number: number; open: boolean; resolvedAt: Date | null }[] = [];
    let pages = 0;
    for (const { firing, s } of steps) {
      const open = incidents.find((i) => i.open) ?? null;
      const last = incidents.at(-1);
      const d = decideFlapping({
        settings,
        now: at(s),
        stored,
        firingNow: firing,
        openIncidentId: open?.id ?? null,
        lastIncident: !open && last ? { id: last.id, number: last.number, resolvedAt: last.resolvedAt!, byHand: false } : null,
      });
      let current = open;
      if (d.reopenIncidentId) {
        current = incidents.find((i) => i.id === d.reopenIncidentId)!;
        current.open = true;
      } else if (firing && !open) {
        current = { id: `i${incidents.length + 1}`, number: incidents.length + 1, open: true, resolvedAt: null };
        incidents.push(current);
        pages++;
      }
      if (!firing && current?.open && !d.holdOpen) {
        current.open = false;
        current.resolvedAt = at(s);
      }
      if (d.next) stored = d.next.flappingSince && !d.next.incidentId ? { ...d.next, incidentId: current?.id ?? null } : d.next;
    }
    return { pages, incidents, stored };
  }

  it('firing, resolved, firing, resolved, firing within two minutes: 2 incidents, 2 pages, the last one open and flapping', () => {
    const r = simulate(flapping, [0, 30, 60, 90, 120].map((s, i) => ({ firing: i % 2 === 0, s })));
    expect(r.pages).toBe(2);
    expect(r.incidents).toHaveLength(2);
    expect(r.incidents[1]!.open).toBe(true);
    expect(r.stored).toMatchObject({ incidentId: 'i2' });
    expect(r.stored!.flappingSince).not.toBeNull();
  });

  it('property: within one window, a group pages at most max(1, ceil((changes - 1) / 2)) times, and once flapping never opens another incident', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), (changes, states) => {
        const settings = { ...flapping, changes };
        const r = simulate(settings, states.map((firing, i) => ({ firing, s: i * 3 })));
        expect(r.pages).toBeLessThanOrEqual(Math.max(1, Math.ceil((changes - 1) / 2)));
        const toggles = states.reduce<{ n: number; prev: boolean }>((acc, f) => (f !== acc.prev ? { n: acc.n + 1, prev: f } : acc), { n: 0, prev: false }).n;
        if (toggles >= changes) {
          expect(r.stored!.flappingSince).not.toBeNull();
          expect(r.incidents.filter((i) => i.open).length).toBe(1);
        }
      }),
    );
  });
});
