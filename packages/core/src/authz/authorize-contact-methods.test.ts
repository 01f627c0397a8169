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
