import { describe, expect, it } from 'vitest';
import { authorize } from './authorize';
import { BOOTSTRAP_PRINCIPAL, type Principal } from './principal';
import { A, leadA, leadB, responderA, session, viewerA } from './test-principals';

const alice = { id: 'u-1', name: 'Alice' };
const bob = { id: 'u-2', name: 'Bob' };
const responderKeyA: Principal = { kind: 'api-key', apiKeyId: 'k-1', role: 'user', teamRoles: { [A.id]: 'responder' }, display: "API key 'bot'", via: 'api' };

describe('authorize: schedules', () => {
  const schedule = { schedule: 'Collector primary', team: A };

  it.each([
    ['admin', session({}, 'admin'), true],
    ['bootstrap key', BOOTSTRAP_PRINCIPAL, true],
    ['lead of A', leadA, true],
    ['responder of A', responderA, false],
    ['viewer of A', viewerA, false],
    ['lead of B', leadB, false],
  ] as const)('create, change and delete a team A schedule: %s -> %s', (_, p, allowed) => {
    for (const action of ['schedule.create', 'schedule.update', 'schedule.delete'] as const) {
      expect(authorize(p, action, schedule).allowed, action).toBe(allowed);
    }
  });

  it('names the team and the schedule when refusing', () => {
    expect(authorize(leadB, 'schedule.update', schedule)).toEqual({
      allowed: false,
      reason: 'Only leads of team Collector or admins can change schedule Collector primary',
    });
    expect(authorize(responderA, 'schedule.create', schedule)).toEqual({
      allowed: false,
      reason: 'Only leads of team Collector or admins can create schedules in team Collector',
    });
  });

  it('overrides: leads for anyone, responders for themselves only, nobody else', () => {
    expect(authorize(leadA, 'schedule_override.create', { ...schedule, user: bob }).allowed).toBe(true);
    expect(authorize(responderA, 'schedule_override.create', { ...schedule, user: alice }).allowed).toBe(true);
    expect(authorize(responderA, 'schedule_override.delete', { ...schedule, user: alice }).allowed).toBe(true);
    expect(authorize(responderA, 'schedule_override.create', { ...schedule, user: bob })).toEqual({
      allowed: false,
      reason: "Responders of team Collector may add overrides for themselves only; Bob's need a lead of team Collector or an admin (schedule Collector primary)",
    });
    expect(authorize(viewerA, 'schedule_override.create', { ...schedule, user: alice })).toEqual({
      allowed: false,
      reason: 'Only leads of team Collector (and its responders, for themselves) or admins can add overrides of schedule Collector primary',
    });
    expect(authorize(leadB, 'schedule_override.delete', { ...schedule, user: alice }).allowed).toBe(false);
    // a key is nobody's self
    expect(authorize(responderKeyA, 'schedule_override.create', { ...schedule, user: alice }).allowed).toBe(false);
  });

  it("calendar feeds: a schedule's by its leads, a person's by that person; admins both", () => {
    expect(authorize(leadA, 'calendar_feed.rotate', { feed: 'schedule', ...schedule }).allowed).toBe(true);
    expect(authorize(responderA, 'calendar_feed.rotate', { feed: 'schedule', ...schedule })).toEqual({
      allowed: false,
      reason: 'Only leads of team Collector or admins can create or rotate the calendar feed of schedule Collector primary',
    });
    expect(authorize(viewerA, 'calendar_feed.rotate', { feed: 'user', user: alice }).allowed).toBe(true);
    expect(authorize(leadA, 'calendar_feed.revoke', { feed: 'user', user: bob })).toEqual({
      allowed: false,
      reason: "Only Bob or an admin can revoke Bob's calendar feed",
    });
    expect(authorize(BOOTSTRAP_PRINCIPAL, 'calendar_feed.rotate', { feed: 'user', user: bob }).allowed).toBe(true);
  });
});
