import { describe, expect, it } from 'vitest';
import { authorize, type AuthzAction, type AuthzResources } from './authorize';
import { BOOTSTRAP_PRINCIPAL, type Principal, type TeamRole } from './principal';

const A = { id: '00000000-0000-4000-8000-00000000000a', name: 'Collector' };
const B = { id: '00000000-0000-4000-8000-00000000000b', name: 'Payments' };

function user(teamRoles: Record<string, TeamRole> = {}, extra: Partial<Principal> = {}): Principal {
  return { kind: 'session', userId: 'u-1', sessionId: 's-1', role: 'user', teamRoles, display: 'Alice', via: 'ui', ...extra };
}
const admin = user({}, { role: 'admin' });
const leadA = user({ [A.id]: 'lead' });
const responderA = user({ [A.id]: 'responder' });
const viewerA = user({ [A.id]: 'viewer' });
const leadKeyA: Principal = { kind: 'api-key', apiKeyId: 'k-1', role: 'user', teamRoles: { [A.id]: 'lead' }, display: "API key 'ci'", via: 'api' };
const responderKeyEveryTeam: Principal = { kind: 'api-key', apiKeyId: 'k-2', role: 'user', teamRoles: {}, everyTeamRole: 'responder', display: "API key 'bot'", via: 'api' };

function decide<X extends AuthzAction>(p: Principal, action: X, resource: AuthzResources[X]) {
  return authorize(p, action, resource);
}

describe('authorize', () => {
  const incident = (team: typeof A | null) => ({ number: 7, service: 'collector', team });

  it.each([
    ['admin', admin, true],
    ['bootstrap key', BOOTSTRAP_PRINCIPAL, true],
    ['lead of A', leadA, true],
    ['lead key of A', leadKeyA, true],
    ['responder of A', responderA, false],
    ['viewer of A', viewerA, false],
  ] as const)('service.update of a team A service: %s -> %s', (_, p, allowed) => {
    expect(decide(p, 'service.update', { service: 'collector', team: A }).allowed).toBe(allowed);
  });

  it('a lead of team A editing team B\'s service is denied with the reason', () => {
    expect(decide(leadA, 'service.update', { service: 'checkout', team: B })).toEqual({
      allowed: false,
      reason: 'Only leads of team Payments or admins can change service checkout',
    });
  });

  it('moving a service needs the lead role in both teams; taking it out of every team needs an admin', () => {
    expect(decide(leadA, 'service.update', { service: 'x', team: A, newTeam: B })).toEqual({
      allowed: false,
      reason: 'Only leads of team Payments or admins can move service x to team Payments',
    });
    expect(decide(user({ [A.id]: 'lead', [B.id]: 'lead' }), 'service.update', { service: 'x', team: A, newTeam: B }).allowed).toBe(true);
    expect(decide(leadA, 'service.update', { service: 'x', team: A, newTeam: null }).allowed).toBe(false);
    expect(decide(leadA, 'service.update', { service: 'x', team: A, newTeam: A }).allowed).toBe(true);
  });

  it('a service without a team is changed by admins only', () => {
    expect(decide(leadA, 'service.create', { service: 'x', team: null })).toEqual({
      allowed: false,
      reason: 'Only admins can create a service without a team (x)',
    });
    expect(decide(leadA, 'service.delete', { service: 'x', team: null }).allowed).toBe(false);
    expect(decide(admin, 'service.delete', { service: 'x', team: null }).allowed).toBe(true);
    expect(decide(responderA, 'incident.acknowledge', incident(null))).toEqual({
      allowed: false,
      reason: 'Incident #7 is of service collector, which belongs to no team: only admins can acknowledge it',
    });
  });

  it.each([
    ['lead of A', leadA, A, true],
    ['responder of A', responderA, A, true],
    ['responder key of every team', responderKeyEveryTeam, B, true],
    ['viewer of A', viewerA, A, false],
    ['responder of A on team B', responderA, B, false],
  ] as const)('incident actions: %s', (_, p, team, allowed) => {
    for (const action of ['incident.acknowledge', 'incident.resolve', 'incident.note'] as const) {
      expect(decide(p, action, incident(team)).allowed, action).toBe(allowed);
    }
  });

  it('names the team and the incident when a responder of another team is refused', () => {
    expect(decide(responderA, 'incident.resolve', incident(B))).toEqual({
      allowed: false,
      reason: 'Only responders and leads of team Payments, or admins, can resolve incident #7 of service collector',
    });
  });

  it('an unscoped key\'s team role reaches every team but no admin-only action', () => {
    expect(decide(responderKeyEveryTeam, 'service.update', { service: 'x', team: A }).allowed).toBe(false);
    expect(decide(responderKeyEveryTeam, 'team.create', { team: 'x' }).allowed).toBe(false);
  });

  it('leads change their own team; only admins create and delete teams', () => {
    expect(decide(leadA, 'team.update', { team: A }).allowed).toBe(true);
    expect(decide(leadA, 'team.update', { team: B })).toEqual({ allowed: false, reason: 'Only leads of team Payments or admins can change team Payments' });
    expect(decide(responderA, 'team.update', { team: A }).allowed).toBe(false);
    expect(decide(leadA, 'team.create', { team: 'x' })).toEqual({ allowed: false, reason: 'Only admins can create teams' });
    expect(decide(leadA, 'team.delete', { team: A }).allowed).toBe(false);
    expect(decide(admin, 'team.delete', { team: A }).allowed).toBe(true);
  });

  it('users: admins manage them; a user may change their own name and time zone only', () => {
    const me = { id: 'u-1', name: 'Alice' };
    const other = { id: 'u-2', name: 'Bob' };
    expect(decide(viewerA, 'user.update', { user: me, fields: ['name', 'timeZone'] }).allowed).toBe(true);
    expect(decide(viewerA, 'user.update', { user: me, fields: ['name', 'role'] })).toEqual({
      allowed: false,
      reason: "Only admins can change a user's role; you may change your own name and timeZone",
    });
    expect(decide(leadA, 'user.update', { user: other, fields: ['name'] })).toEqual({ allowed: false, reason: 'Only admins can change other users (Bob)' });
    expect(decide(admin, 'user.update', { user: other, fields: ['role', 'email'] }).allowed).toBe(true);
    expect(decide(leadA, 'user.create', { user: 'Bob' }).allowed).toBe(false);
    expect(decide(leadA, 'user.invite', { user: other }).allowed).toBe(false);
    expect(decide(admin, 'user.delete', { user: other }).allowed).toBe(true);
    expect(decide(admin, 'user.delete', { user: me })).toEqual({ allowed: false, reason: 'You cannot delete your own user (Alice); another admin can' });
  });

  it('passwords are changed by their signed-in owner only', () => {
    const me = { id: 'u-1', name: 'Alice' };
    expect(decide(viewerA, 'user.change_password', { user: me }).allowed).toBe(true);
    expect(decide(leadKeyA, 'user.change_password', { user: null }).allowed).toBe(false);
    expect(decide(BOOTSTRAP_PRINCIPAL, 'user.change_password', { user: null }).allowed).toBe(false);
  });

  it('API keys and the audit log are for admins', () => {
    for (const p of [leadA, leadKeyA, responderA, viewerA]) {
      expect(decide(p, 'api_key.create', { apiKey: 'x' }).allowed).toBe(false);
      expect(decide(p, 'api_key.revoke', { apiKey: 'x' }).allowed).toBe(false);
      expect(decide(p, 'audit_log.read', {})).toEqual({ allowed: false, reason: 'Only admins can read the audit log' });
    }
    expect(decide(admin, 'audit_log.read', {}).allowed).toBe(true);
    expect(decide(BOOTSTRAP_PRINCIPAL, 'api_key.create', { apiKey: 'x' }).allowed).toBe(true);
  });
});

describe('authorize incident.create (manual incidents)', () => {
  it('lets responders and leads of the service team and admins open incidents, no one else', () => {
    const onA = { service: 'checkout', team: A };
    expect(decide(admin, 'incident.create', onA)).toEqual({ allowed: true });
    expect(decide(leadA, 'incident.create', onA)).toEqual({ allowed: true });
    expect(decide(responderA, 'incident.create', onA)).toEqual({ allowed: true });
    expect(decide(viewerA, 'incident.create', onA)).toEqual({
      allowed: false,
      reason: 'Only responders and leads of team Collector, or admins, can open incidents on service checkout',
    });
    expect(decide(responderA, 'incident.create', { service: 'billing', team: B }).allowed).toBe(false);
    expect(decide(leadA, 'incident.create', { service: 'legacy', team: null })).toEqual({
      allowed: false,
      reason: 'Service legacy belongs to no team: only admins can open incidents on it',
    });
  });
});
