import { describe, expect, it } from 'vitest';
import { heartbeatGaugeSamples } from './heartbeat-gauges';

const now = new Date('2026-12-07T12:02:00Z');
const row = { service: 'monitoring', intervalSeconds: 60, graceSeconds: 0 };

describe('heartbeatGaugeSamples', () => {
  it('last ping in seconds for pinged heartbeats only; one status at 1, late derived', () => {
    const samples = heartbeatGaugeSamples(
      [
        { ...row, heartbeat: 'fresh', status: 'up', lastPingAt: new Date('2026-12-07T12:01:30Z') },
        { ...row, heartbeat: 'overdue', status: 'up', lastPingAt: new Date('2026-12-07T12:00:30Z') },
        { ...row, heartbeat: 'never', status: 'new', lastPingAt: null },
      ],
      now,
    );
    expect(samples.lastPing).toEqual([
      { labels: { service: 'monitoring', heartbeat: 'fresh' }, value: Date.parse('2026-12-07T12:01:30Z') / 1000 },
      { labels: { service: 'monitoring', heartbeat: 'overdue' }, value: Date.parse('2026-12-07T12:00:30Z') / 1000 },
    ]);
    const on = samples.status.filter((s) => s.value === 1).map((s) => `${s.labels.heartbeat}=${s.labels.status}`);
    expect(on).toEqual(['fresh=up', 'overdue=late', 'never=new']);
    expect(samples.status).toHaveLength(15);
  });
});
