import { describe, expect, it } from 'vitest';
import { classifyIncident, openEnd } from './classify-incident';
import type { IncidentFacts } from './incident-facts';

// Instants are explicit epoch ms; t(s) is s seconds after the incident opened.
const OPENED = Date.parse('2026-03-23T10:00:00Z');
const t = (s: number) => OPENED + s * 1000;
const NOW = t(86_400);

function facts(over: Partial<IncidentFacts> = {}): IncidentFacts {
  return {
    id: 'i', number: 1, serviceId: 's', serviceName: 'S', key: 'K',
    createdAt: OPENED, urgency: 'high', firstPageAt: null, firstAckAt: null, firstResolveAt: null, firstResolveByPerson: false,
    alertChanges: [], escalatedPastFirstStep: false, exhausted: false, heldByMaintenance: false, suppressed: false,
    heldByStorm: false, silenced: false, pages: 0, pagedUserIds: [], notified: [], deduplicated: 0,
    ...over,
  };
}

describe('classifyIncident: major, minor, near miss (docs/insights.md)', () => {
  it('major: high urgency, paged, open 30 min or more', () => {
    expect(classifyIncident(facts({ firstPageAt: t(5), firstResolveAt: t(1800) }), NOW)).toEqual({ level: 'major', openSeconds: 1800 });
    expect(classifyIncident(facts({ firstPageAt: t(5), firstResolveAt: t(1799) }), NOW)).toEqual({ level: 'minor', openSeconds: 1799 });
  });

  it('major: escalated past its first step, however short', () => {
    expect(classifyIncident(facts({ firstPageAt: t(5), firstResolveAt: t(60), escalatedPastFirstStep: true }), NOW).level).toBe('major');
  });

  it('still open counts until now', () => {
    expect(classifyIncident(facts({ firstPageAt: t(5) }), t(1800))).toEqual({ level: 'major', openSeconds: 1800 });
    expect(classifyIncident(facts({ firstPageAt: t(5) }), t(600))).toEqual({ level: 'minor', openSeconds: 600 });
  });

  it('low urgency that paged is never major', () => {
    expect(classifyIncident(facts({ urgency: 'low', firstPageAt: t(5), escalatedPastFirstStep: true }), NOW).level).toBe('minor');
  });

  it('a flap hold does not count: open time ends at flapping_started (the first resolve entry)', () => {
    expect(classifyIncident(facts({ firstPageAt: t(5), firstResolveAt: t(600) }), NOW)).toEqual({ level: 'minor', openSeconds: 600 });
  });

  it('open time ends when the alerts first all resolved, before a person resolves it', () => {
    const f = facts({
      firstPageAt: t(5),
      firstResolveAt: t(7200),
      firstResolveByPerson: true,
      alertChanges: [
        { at: t(0), resolved: false, fingerprints: ['a', 'b'] },
        { at: t(300), resolved: true, fingerprints: ['a'] },
        { at: t(900), resolved: true, fingerprints: ['b'] },
      ],
    });
    expect(openEnd(f)).toEqual({ at: t(900), byPerson: false });
    expect(classifyIncident(f, NOW)).toEqual({ level: 'minor', openSeconds: 900 });
  });

  it("a person's resolve first: it ends the open time", () => {
    const f = facts({ firstResolveAt: t(100), firstResolveByPerson: true, alertChanges: [{ at: t(0), resolved: false, fingerprints: ['a'] }, { at: t(200), resolved: true, fingerprints: ['a'] }] });
    expect(openEnd(f)).toEqual({ at: t(100), byPerson: true });
  });

  it('near misses, with the first reason that applies', () => {
    const reason = (over: Partial<IncidentFacts>) => {
      const c = classifyIncident(facts(over), NOW);
      return c.level === 'nearMiss' ? c.reason : c.level;
    };
    expect(reason({ heldByMaintenance: true, suppressed: true })).toBe('maintenance');
    expect(reason({ suppressed: true, heldByStorm: true })).toBe('suppressed');
    expect(reason({ heldByStorm: true, silenced: true })).toBe('storm');
    expect(reason({ silenced: true, firstResolveAt: t(60) })).toBe('silenced');
    expect(reason({ firstResolveAt: t(60), urgency: 'low' })).toBe('resolvedBeforePage');
    expect(reason({ alertChanges: [{ at: t(0), resolved: false, fingerprints: ['a'] }, { at: t(60), resolved: true, fingerprints: ['a'] }] })).toBe('resolvedBeforePage');
    expect(reason({ urgency: 'low' })).toBe('lowUrgency');
    expect(reason({ urgency: null })).toBe('other');
    // held by maintenance, then paged at the window's end: classified as what it became
    expect(reason({ heldByMaintenance: true, firstPageAt: t(3600), firstResolveAt: t(3700) })).toBe('major');
  });
});
