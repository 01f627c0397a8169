import { describe, expect, it } from 'vitest';
import type { RouteDecision } from './decide-route';
import { mayHaveDrifted, stickToHolders } from './stick-to-holders';

describe('re-sends of a routing integration stay where their first copy went', () => {
  const changedAt = Date.parse('2026-12-08T10:00:00Z');
  it('looks an alert up only when routing may have changed since it began', () => {
    expect(mayHaveDrifted({ startsAt: '2026-12-08T10:05:00Z' }, { timeConditioned: false, changedAt })).toBe(false);
    expect(mayHaveDrifted({ startsAt: '2026-12-08T09:55:00Z' }, { timeConditioned: false, changedAt })).toBe(true);
    expect(mayHaveDrifted({ startsAt: '2026-12-08T10:05:00Z' }, { timeConditioned: true, changedAt })).toBe(true);
    expect(mayHaveDrifted({ startsAt: 'not a time' }, { timeConditioned: false, changedAt })).toBe(true);
  });

  it('a held occurrence goes to its holder, even from a drop or the catch-all; the rest as decided', () => {
    const decisions: RouteDecision[] = [
      { kind: 'service', serviceId: 'web', routeIndex: 0, reason: null },
      { kind: 'service', serviceId: 'db', routeIndex: 1, reason: null },
      { kind: 'drop', routeIndex: null, reason: 'no route matched' },
      { kind: 'service', serviceId: 'catch-all', routeIndex: null, reason: 'no route matched' },
      { kind: 'service', serviceId: 'web', routeIndex: 0, reason: null },
    ];
    expect(stickToHolders(decisions, ['web', 'web', 'db', 'db', undefined])).toEqual([
      decisions[0],
      { kind: 'service', serviceId: 'web', routeIndex: null, reason: null },
      { kind: 'service', serviceId: 'db', routeIndex: null, reason: null },
      { kind: 'service', serviceId: 'db', routeIndex: null, reason: null },
      decisions[4],
    ]);
  });
});
