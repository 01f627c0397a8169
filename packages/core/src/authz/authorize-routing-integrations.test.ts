import { describe, expect, it } from 'vitest';
import { authorize } from './authorize';
import { A, leadA, leadB, responderA, session, viewerA } from './test-principals';

const admin = session({}, 'admin');

describe('authorize routing_integration.manage', () => {
  it.each([
    ['admin, the installation\'s', admin, null, true],
    ['admin, a team\'s', admin, A, true],
    ['lead of the owning team', leadA, A, true],
    ['lead of another team', leadB, A, false],
    ['responder', responderA, A, false],
    ['viewer', viewerA, A, false],
    ['lead, the installation\'s', leadA, null, false],
  ] as const)('%s', (_, p, team, allowed) => {
    expect(authorize(p, 'routing_integration.manage', { integration: '"prod"', team }).allowed).toBe(allowed);
  });

  it('says who may', () => {
    expect(authorize(leadA, 'routing_integration.manage', { integration: '"prod"', team: null })).toEqual({
      allowed: false,
      reason: 'Routing integration "prod" belongs to the installation: only admins can manage it',
    });
    expect(authorize(leadB, 'routing_integration.manage', { integration: '"prod"', team: A })).toEqual({
      allowed: false,
      reason: 'Only leads of team Collector or admins can manage routing integration "prod"',
    });
  });
});
