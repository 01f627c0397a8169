import { describe, expect, it } from 'vitest';
import { decideStorm, stormTitle, type StormDecision, type StormInput } from './decide-storm';
import { DEFAULT_NOISE_SETTINGS } from './noise-settings';

const T0 = Date.parse('2026-03-16T10:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000);
const storm = DEFAULT_NOISE_SETTINGS.storm;
const names = (...n: string[]) => n.map((alertname, i) => ({ id: `i${i + 1}`, alertname }));
const crash = (n: number) => Array.from({ length: n }, () => 'KubePodCrashLooping');

function input(over: Partial<StormInput>): StormInput {
  return {
    settings: storm,
    serviceName: 'Collector',
    incident: { id: 'new', createdAt: at(60), kind: 'alert' },
    window: names(...crash(1)),
    active: null,
    ...over,
  };
}

describe('decideStorm', () => {
  const active = { id: 's1', startedAt: at(30), lastIncidentAt: at(50) };
  it.each<[string, Partial<StormInput>, Partial<StormDecision>]>([
    ['the 5th incident in the window pages', { window: names(...crash(5)) }, { action: 'page', reason: 'below-threshold' }],
    ['the 6th starts the storm', { window: names(...crash(4), 'KubeNodeNotReady', 'KubeNodeNotReady') }, { action: 'start', incidents: 6, windowSeconds: 300 }],
    ['storm mode off: the 6th pages', { settings: { ...storm, enabled: false }, window: names(...crash(6)) }, { action: 'page', reason: 'disabled' }],
    ['a manual incident is never held', { incident: { id: 'new', createdAt: at(60), kind: 'manual' }, active }, { action: 'page', reason: 'not-holdable' }],
    ['a heartbeat incident is never held', { incident: { id: 'new', createdAt: at(60), kind: 'heartbeat' }, active }, { action: 'page', reason: 'not-holdable' }],
    ['opened during the storm: joins', { active, window: names('A') }, { action: 'join', stormId: 's1' }],
    ['opened before the storm started, handled later, past the threshold: joins', { active: { ...active, startedAt: at(90) }, window: names(...crash(7)) }, { action: 'join', stormId: 's1' }],
    ['opened before the storm started, below the threshold: pages', { active: { ...active, startedAt: at(90) }, window: names(...crash(3)) }, { action: 'page', reason: 'below-threshold', endStormId: null }],
    ['a storm quiet for quietSeconds is over: pages normally and ends it', { active: { ...active, lastIncidentAt: at(60 - 600) }, window: names('A') }, { action: 'page', reason: 'below-threshold', endStormId: 's1' }],
    ['an ended-by-quiet storm followed by another burst starts a new storm', { active: { ...active, lastIncidentAt: at(-600) }, window: names(...crash(6)) }, { action: 'start', endStormId: 's1' }],
    ['opened in the same instant as the storm page, numbered before it, below the threshold: pages', { incident: { id: 'new', createdAt: at(30), kind: 'alert', number: 5 }, active: { ...active, startedByNumber: 6 }, window: names(...crash(5)) }, { action: 'page', reason: 'below-threshold' }],
    ['opened in the same instant as the storm page, numbered after it: joins', { incident: { id: 'new', createdAt: at(30), kind: 'alert', number: 7 }, active: { ...active, startedByNumber: 6 }, window: names(...crash(5)) }, { action: 'join', stormId: 's1' }],
    ['a lower threshold', { settings: { ...storm, incidents: 2 }, window: names('A', 'B', 'C') }, { action: 'start', incidents: 3 }],
  ])('%s', (_, over, want) => {
    expect(decideStorm(input(over))).toMatchObject(want);
  });

  it('the storm page names the service, the count, the window and the alertnames, most frequent first', () => {
    const d = decideStorm(input({ window: names('KubeNodeNotReady', ...crash(4), 'KubeNodeNotReady') }));
    expect(d).toMatchObject({
      action: 'start',
      title: 'Storm on Collector: 6 new incidents in 5 min — KubePodCrashLooping ×4, KubeNodeNotReady ×2',
      counts: [
        { alertname: 'KubePodCrashLooping', count: 4 },
        { alertname: 'KubeNodeNotReady', count: 2 },
      ],
    });
  });
});

describe('stormTitle', () => {
  it('shows four alertnames and an ellipsis for more; a window not in whole minutes in seconds', () => {
    const counts = ['A', 'B', 'C', 'D', 'E'].map((alertname) => ({ alertname, count: 1 }));
    expect(stormTitle('Web', 5, 90, counts)).toBe('Storm on Web: 5 new incidents in 90 s — A ×1, B ×1, C ×1, D ×1, …');
  });
});
