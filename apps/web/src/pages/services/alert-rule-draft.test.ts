import { describe, expect, it } from 'vitest';
import { bodyOf, draftOf, emptyRule, move, parsePairs, summarize } from './alert-rule-draft';

describe('alert rule drafts', () => {
  it('round-trip a rule through the editor', () => {
    const rule = {
      id: '0b8c4b84-8f5d-4a86-9b39-1c3b0c4e0d11',
      name: 'warnings are low',
      matchers: ['severity="warning"'],
      annotationMatchers: [],
      time: { weekdays: ['monday' as const], startTime: '09:00', endTime: '18:00', timeZone: 'Europe/Berlin', outside: true },
      actions: { urgency: 'low' as const, annotations: { runbook_url: 'https://r.example/x=1' } },
      stop: true,
    };
    expect(bodyOf(draftOf(rule))).toEqual(rule);
    expect(summarize(draftOf(rule))).toBe('severity="warning" outside 09:00-18:00 Europe/Berlin → urgency low, annotations; stop');
  });

  it('keeps a route-to-service action (a routing integration\'s rule) through the editor', () => {
    const rule = { id: null, name: 'pg to db', matchers: ['namespace="pg"'], annotationMatchers: [], time: null, actions: { routeToServiceId: '1b8c4b84-8f5d-4a86-9b39-1c3b0c4e0d12' }, stop: false };
    const d = draftOf({ ...rule, id: '0b8c4b84-8f5d-4a86-9b39-1c3b0c4e0d11' });
    expect(d.routeToServiceId).toBe(rule.actions.routeToServiceId);
    expect(bodyOf(d).actions).toEqual(rule.actions);
    expect(summarize(d)).toBe('namespace="pg" → route to a service');
    expect(bodyOf({ ...d, routeToServiceId: '' }).actions).toEqual({});
  });

  it('parses name=value lines and moves entries', () => {
    expect(parsePairs('a=1\n b = x=y \nc')).toEqual({ a: '1', b: 'x=y', c: '' });
    expect(move([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(move([1, 2, 3], 2, -1)).toEqual([1, 3, 2]);
    expect(bodyOf(emptyRule())).toMatchObject({ matchers: [], time: null, actions: {}, stop: false });
  });
});
