import { describe, expect, it } from 'vitest';
import { buildFollowUp, buildIncidentMessage, isFollowUp, type SlackIncidentView, type SlackStormView } from './incident-message';

const storm = (over: Partial<SlackStormView> = {}): SlackStormView => ({
  title: 'Storm on Collector: 6 new incidents in 5 min — KubePodCrashLooping ×4, KubeNodeNotReady ×2',
  startedAt: new Date('2026-11-28T03:00:00Z'),
  endedAt: null,
  totals: { incidents: 9, held: 8, triggered: 7, acknowledged: 1, resolved: 1 },
  counts: [
    { alertname: 'KubePodCrashLooping', count: 6 },
    { alertname: '<!channel>', count: 3 },
  ],
  latest: [
    { number: 20, title: 'KubePodCrashLooping on node=d01', status: 'triggered', link: 'https://heinrich.example/incidents/20' },
    { number: 19, title: 'KubeNodeNotReady d01', status: 'acknowledged', link: 'https://heinrich.example/incidents/19' },
  ],
  link: 'https://heinrich.example/storms/5b2f0d6e-1111-4c3a-9d43-7a7b2f0c6f11',
  ...over,
});

function view(over: Partial<SlackIncidentView> = {}): SlackIncidentView {
  return {
    id: '0d7c2b38-5d0e-4a55-9d43-7a7b2f0c6f11',
    number: 12,
    title: 'Storm on Collector: 6 new incidents in 5 min — KubePodCrashLooping ×4, KubeNodeNotReady ×2',
    status: 'triggered',
    serviceName: 'Collector',
    urgency: 'high',
    severity: 'critical',
    alerts: { firing: 1, total: 1 },
    labels: { alertname: 'KubePodCrashLooping' },
    summary: null,
    links: { incident: 'https://heinrich.example/incidents/12' },
    pagedNow: ['Alice'],
    statusChange: null,
    silence: null,
    canSilence: false,
    storm: storm(),
    ...over,
  };
}

const allText = (blocks: unknown) => JSON.stringify(blocks);

describe('buildIncidentMessage: the storm page is the storm message', () => {
  it('shows the storm: totals, counts by alertname (escaped), its latest incidents linked and a link to the storm', () => {
    const m = buildIncidentMessage(view());
    const s = allText(m.blocks);
    expect(s).toContain('#12 Storm on Collector');
    expect(s).toContain('9 incidents so far, 8 held by it');
    expect(s).toContain('KubePodCrashLooping ×6, &lt;!channel&gt; ×3');
    expect(s).not.toContain('<!channel>');
    expect(s).toContain('7 triggered · 1 acknowledged · 1 resolved');
    expect(s).toContain('<https://heinrich.example/incidents/20|#20> KubePodCrashLooping on node=d01');
    expect(s).toContain('<https://heinrich.example/storms/5b2f0d6e-1111-4c3a-9d43-7a7b2f0c6f11|Storm>');
    expect(m.text).toContain('storm: 9 incidents');
  });

  it('once ended: says so with the totals', () => {
    const s = allText(buildIncidentMessage(view({ storm: storm({ endedAt: new Date('2026-11-28T03:30:00Z') }) })).blocks);
    expect(s).toContain('Storm ended');
    expect(s).toContain('9 incidents, 8 held by it');
    expect(s).not.toContain('so far');
  });

  it('an incident that started no storm has no storm part', () => {
    const s = allText(buildIncidentMessage(view({ storm: null })).blocks);
    expect(s).not.toContain('held by it');
    expect(s).not.toContain('|Storm>');
  });

  it("the storm's end is a thread reply", () => {
    const e = { type: 'storm_ended', message: 'Storm s1 ended after 10 min without a new incident: 9 incidents in the storm, 8 held by it' };
    expect(isFollowUp(e)).toBe(true);
    expect(buildFollowUp(e).text).toContain('Storm s1 ended');
  });
});
