import { describe, expect, it } from 'vitest';
import { authorize } from './authorize';
import { actorOf, BOOTSTRAP_PRINCIPAL, pagePrincipal } from './principal';
import { A, leadA, responderA, session } from './test-principals';

const INCIDENT = { id: 'i-42', number: 42 };
const OTHER = { id: 'i-43', number: 43 };
const alice = { id: 'u-1', name: 'Alice' };

describe('authorize: the person paged acts on the incident they were paged for', () => {
  it.each(['acknowledge', 'resolve', 'escalate'] as const)('%s: allowed from a page for that incident, whatever the role (none here)', (act) => {
    expect(authorize(pagePrincipal(alice, INCIDENT.id, 'sms'), 'incident.act_as_paged', { incident: INCIDENT, act })).toEqual({ allowed: true });
    expect(authorize(pagePrincipal(alice, INCIDENT.id, 'voice'), 'incident.act_as_paged', { incident: INCIDENT, act }).allowed).toBe(true);
  });

  it('refuses a page sent for another incident', () => {
    expect(authorize(pagePrincipal(alice, INCIDENT.id, 'sms'), 'incident.act_as_paged', { incident: OTHER, act: 'escalate' })).toEqual({
      allowed: false,
      reason: 'The page to Alice was sent for another incident: it cannot escalate incident #43',
    });
  });

  it.each([
    ['a session of a responder', responderA],
    ['an admin', session({}, 'admin')],
    ['the bootstrap key', BOOTSTRAP_PRINCIPAL],
  ] as const)('is not for other credentials (%s): they act through incident.acknowledge and the others', (_, p) => {
    expect(authorize(p, 'incident.act_as_paged', { incident: INCIDENT, act: 'acknowledge' })).toEqual({
      allowed: false,
      reason: 'Only a page (an SMS reply code or the page call) can acknowledge incident #42 as the person paged',
    });
  });

  it('a page can do nothing else, even when the person has roles elsewhere', () => {
    const page = pagePrincipal(alice, INCIDENT.id, 'sms');
    const reason = 'A page (an SMS reply code or the page call) can only acknowledge, resolve or escalate the incident it was sent for';
    expect(authorize(page, 'incident.acknowledge', { number: 42, service: 'collector', team: A })).toEqual({ allowed: false, reason });
    expect(authorize(page, 'contact_method.create', { user: alice })).toEqual({ allowed: false, reason });
    expect(authorize(page, 'user.update', { user: alice, fields: ['name'] })).toEqual({ allowed: false, reason });
    // the same person signed in keeps their own rights
    expect(authorize(leadA, 'contact_method.create', { user: alice }).allowed).toBe(true);
  });

  it('names the person on the timeline as before: user:<id>, via sms or voice', () => {
    expect(actorOf(pagePrincipal(alice, INCIDENT.id, 'voice'))).toEqual({ id: 'user:u-1', display: 'Alice', via: 'voice' });
  });
});
