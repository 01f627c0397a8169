import { describe, expect, it } from 'vitest';
import { authorize } from './authorize';
import { BOOTSTRAP_PRINCIPAL, type Principal } from './principal';

const alice = { id: 'u-alice', name: 'Alice' };
const A = '00000000-0000-4000-8000-00000000000a';

function session(userId: string, role: Principal['role'] = 'user'): Principal {
  return { kind: 'session', userId, sessionId: 's-1', role, teamRoles: { [A]: 'lead' }, display: userId, via: 'ui' };
}
const leadKey: Principal = { kind: 'api-key', apiKeyId: 'k-1', role: 'user', teamRoles: {}, everyTeamRole: 'lead', display: "API key 'bot'", via: 'api' };

const ACTIONS = ['contact_method.read', 'contact_method.create', 'contact_method.delete', 'notification_rule.create', 'notification_rule.delete'] as const;

describe('authorize: contact methods and notification rules', () => {
  it.each([
    ['Alice herself', session('u-alice'), true],
    ['an admin', session('u-admin', 'admin'), true],
    ['the bootstrap key', BOOTSTRAP_PRINCIPAL, true],
    ['a lead (of any team)', session('u-bob'), false],
    ['a lead API key (nobody)', leadKey, false],
  ] as const)("Alice's: %s -> %s", (_, p, allowed) => {
    for (const action of ACTIONS) expect(authorize(p, action, { user: alice }).allowed, action).toBe(allowed);
  });

  it('names the person and what when refusing', () => {
    expect(authorize(session('u-bob'), 'contact_method.create', { user: alice })).toEqual({
      allowed: false,
      reason: "Only Alice or an admin can add Alice's contact methods",
    });
    expect(authorize(session('u-bob'), 'notification_rule.delete', { user: alice })).toEqual({
      allowed: false,
      reason: "Only Alice or an admin can delete Alice's notification rules",
    });
  });
});

describe('authorize: seeing contact values (contact_method.reveal)', () => {
  const B = '00000000-0000-4000-8000-00000000000b';
  const teamA = { id: A, name: 'Payments' };
  const teamB = { id: B, name: 'Search' };
  const responderOfA: Principal = { kind: 'session', userId: 'u-carol', sessionId: 's-2', role: 'user', teamRoles: { [A]: 'responder' }, display: 'Carol', via: 'ui' };
  const scopedLeadKey: Principal = { kind: 'api-key', apiKeyId: 'k-2', role: 'user', teamRoles: { [A]: 'lead' }, display: "API key 'a'", via: 'api' };

  it.each([
    ['Alice herself, on call for nobody', session('u-alice'), [], true],
    ['an admin', session('u-admin', 'admin'), [], true],
    ['the bootstrap key', BOOTSTRAP_PRINCIPAL, [], true],
    ['a lead of a team Alice is on call for', session('u-bob'), [teamA], true],
    ["a lead API key of Alice's team", scopedLeadKey, [teamB, teamA], true],
    ['a lead of another team only', session('u-bob'), [teamB], false],
    ['a lead, Alice on call for nobody', session('u-bob'), [], false],
    ["a responder of Alice's team", responderOfA, [teamA], false],
  ] as const)('%s -> %s', (_, p, onCallFor, allowed) => {
    expect(authorize(p, 'contact_method.reveal', { user: alice, onCallFor }).allowed).toBe(allowed);
  });

  it('says who may when refusing', () => {
    expect(authorize(responderOfA, 'contact_method.reveal', { user: alice, onCallFor: [teamA] })).toEqual({
      allowed: false,
      reason: "Only Alice, an admin or a lead of a team Alice is on call for can see Alice's contact methods",
    });
  });
});

describe('authorize: a test page (contact_method.test)', () => {
  const teamA = { id: A, name: 'Collector' };
  const teamB = { id: '00000000-0000-4000-8000-00000000000b', name: 'Payments' };
  it.each([
    ['Alice herself', session('u-alice'), [], true],
    ['an admin', session('u-admin', 'admin'), [], true],
    ['a lead of a team Alice is in', session('u-bob'), [teamA], true],
    ['a lead API key of every team, Alice in a team', leadKey, [teamB], true],
    ['a lead of another team', session('u-bob'), [teamB], false],
    ['anyone, Alice in no team', session('u-bob'), [], false],
  ] as const)('%s -> %s', (_, p, teams, allowed) => {
    expect(authorize(p, 'contact_method.test', { user: alice, teams }).allowed).toBe(allowed);
  });

  it('names the person when refusing', () => {
    expect(authorize(session('u-bob'), 'contact_method.test', { user: alice, teams: [teamB] })).toEqual({
      allowed: false,
      reason: "Only Alice, an admin or a lead of one of Alice's teams can send a test page to Alice",
    });
  });
});
