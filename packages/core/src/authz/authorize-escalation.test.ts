import { describe, expect, it } from 'vitest';
import { authorize } from './authorize';
import { BOOTSTRAP_PRINCIPAL } from './principal';
import { A, B, leadA, leadB, responderA, session, viewerA } from './test-principals';

const leadAB = session({ [A.id]: 'lead', [B.id]: 'lead' });

describe('authorize: escalation policies', () => {
  const policy = { policy: 'Collector default', team: A };

  it.each([
    ['admin', session({}, 'admin'), true],
    ['bootstrap key', BOOTSTRAP_PRINCIPAL, true],
    ['lead of A', leadA, true],
    ['responder of A', responderA, false],
    ['viewer of A', viewerA, false],
    ['lead of B', leadB, false],
  ] as const)('create, change and delete a team A policy: %s -> %s', (_, p, allowed) => {
    for (const action of ['escalation_policy.create', 'escalation_policy.update', 'escalation_policy.delete'] as const) {
      expect(authorize(p, action, policy).allowed, action).toBe(allowed);
    }
  });

  it('names the team and the policy when refusing', () => {
    expect(authorize(responderA, 'escalation_policy.create', policy)).toEqual({
      allowed: false,
      reason: 'Only leads of team Collector or admins can create escalation policies in team Collector',
    });
    expect(authorize(leadB, 'escalation_policy.delete', policy)).toEqual({
      allowed: false,
      reason: 'Only leads of team Collector or admins can delete escalation policy Collector default',
    });
  });

  it('moving a policy to another team needs a lead of both', () => {
    expect(authorize(leadA, 'escalation_policy.update', { ...policy, newTeam: B })).toEqual({
      allowed: false,
      reason: 'Only leads of team Payments or admins can move escalation policy Collector default to team Payments',
    });
    expect(authorize(leadAB, 'escalation_policy.update', { ...policy, newTeam: B }).allowed).toBe(true);
    expect(authorize(leadA, 'escalation_policy.update', { ...policy, newTeam: A }).allowed).toBe(true);
  });

  it('a policy whose team was deleted is for admins only', () => {
    expect(authorize(leadA, 'escalation_policy.update', { policy: 'orphan', team: null })).toEqual({
      allowed: false,
      reason: 'Escalation policy orphan belongs to no team: only admins can change it',
    });
    expect(authorize(session({}, 'admin'), 'escalation_policy.delete', { policy: 'orphan', team: null }).allowed).toBe(true);
  });
});

describe('authorize: escalating an incident', () => {
  const incident = { number: 42, service: 'checkout', team: A };

  it('responders and leads of the team, and admins', () => {
    expect(authorize(responderA, 'incident.escalate', incident).allowed).toBe(true);
    expect(authorize(leadA, 'incident.escalate', incident).allowed).toBe(true);
    expect(authorize(viewerA, 'incident.escalate', incident)).toEqual({
      allowed: false,
      reason: 'Only responders and leads of team Collector, or admins, can escalate incident #42 of service checkout',
    });
  });
});
