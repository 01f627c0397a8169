import { describe, expect, it } from 'vitest';
import type { ReadinessFinding } from '@heinrich/core/readiness/readiness-finding';
import { buildTeamDigest, type TeamDigestFacts } from './team-digest-message';

const finding = (key: string, severity: ReadinessFinding['severity'], message: string): ReadinessFinding => ({
  key,
  kind: 'schedule_gap',
  severity,
  object: { type: 'schedule', id: 's1', name: 'Primary' },
  teamId: 't1',
  message,
  link: '/schedules/s1',
});

const facts = (over: Partial<TeamDigestFacts> = {}): TeamDigestFacts => ({
  teamId: 't1',
  teamName: 'Payments',
  timeZone: 'Europe/Berlin',
  from: new Date('2026-03-09T08:00:00Z'),
  to: new Date('2026-03-16T08:00:00Z'),
  insights: null,
  findings: [],
  previousKeys: new Set(),
  publicUrl: 'https://heinrich.example.com/',
  ...over,
});

describe('buildTeamDigest', () => {
  it('shows the pyramid with its trend, top noise, recurring incidents and sleep interruptions', () => {
    const digest = buildTeamDigest(
      facts({
        insights: {
          pyramid: { major: 1, minor: 4, nearMiss: 30, deduplicated: 12, previous: { major: 2, minor: 4, nearMiss: 20, deduplicated: 0 }, ratio: { text: '1 : 4 : 30' } },
          noise: [{ serviceName: 'Checkout', key: 'HighLatency', incidents: 9, pages: 3, hint: 'resolves by itself within 3 min in 92 % of cases' }],
          recurring: [{ serviceName: 'Collector', title: 'Node d01 down', reopenings: 3, openings: [{ at: '2026-03-10T02:00:00Z' }, { at: '2026-03-12T02:00:00Z' }, { at: '2026-03-14T02:00:00Z' }] }],
          people: { totals: { sleep: 2, interruptions: 7 } },
        },
      }),
    );
    expect(digest.text).toContain('Weekly digest for Payments: Mon 9 Mar – Mon 16 Mar');
    expect(digest.text).toContain('Major: *1* (-1 on the week before)');
    expect(digest.text).toContain('Near misses: *30* (+10); 12 re-sends deduplicated');
    expect(digest.text).toContain('sleep hours (22:00–07:00, each person\'s zone): *2* of 7');
    expect(digest.text).toContain('Checkout / HighLatency: 9 incidents, 3 pages — resolves by itself');
    expect(digest.text).toContain('Node d01 down — opened 3 times (Tue 10 Mar, Thu 12 Mar, Sat 14 Mar)');
    expect(digest.text).toContain('no holes found');
  });

  it('without insights lists the readiness findings, saying which were already there last week', () => {
    const digest = buildTeamDigest(
      facts({ findings: [finding('a', 'critical', 'Step 1 pages nobody'), finding('b', 'warning', 'A gap'), finding('c', 'info', 'Unused')], previousKeys: new Set(['a']) }),
    );
    expect(digest.text).toContain('not available');
    expect(digest.text).toContain('*Paging readiness*: 2 to fix, 1 unfixed since last week');
    expect(digest.text).toContain(':red_circle: Step 1 pages nobody _(unfixed since last week)_ <https://heinrich.example.com/schedules/s1|fix>');
    expect(digest.text).not.toContain('Unused');
  });
});
