import { describe, expect, it } from 'vitest';
import { authorize } from './authorize';
import { A, B, leadA, leadB, responderA, session, viewerA } from './test-principals';

const admin = session({}, 'admin');
const leadAB = session({ [A.id]: 'lead', [B.id]: 'lead' });

describe('authorize maintenance_window.manage', () => {
  it.each([
    ['admin', admin, [A, B], true],
    ['lead of the one team', leadA, [A], true],
    ['lead of the one team, twice (two services)', leadA, [A, A], true],
    ['lead of both teams', leadAB, [A, B], true],
    ['lead of one of two teams', leadA, [A, B], false],
    ['responder', responderA, [A], false],
    ['viewer', viewerA, [A], false],
    ['lead of another team', leadB, [A], false],
    ['a service without a team: lead', leadA, [A, null], false],
    ['a service without a team: admin', admin, [null], true],
  ] as const)('%s', (_, p, teams, allowed) => {
    expect(authorize(p, 'maintenance_window.manage', { window: '"Upgrade PG"', teams }).allowed).toBe(allowed);
  });

  it('names the teams the caller does not lead', () => {
    expect(authorize(leadA, 'maintenance_window.manage', { window: '"Upgrade PG"', teams: [A, B, B] })).toEqual({
      allowed: false,
      reason: 'Only leads of team Payments or admins can manage maintenance window "Upgrade PG"',
    });
    expect(authorize(leadA, 'maintenance_window.manage', { window: '"x"', teams: [null] })).toEqual({
      allowed: false,
      reason: 'Maintenance window "x" covers a service that belongs to no team: only admins can manage it',
    });
  });
});
