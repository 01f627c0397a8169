import { describe, expect, it } from 'vitest';
import { bodyOf, emptyDraft } from './maintenance-draft';

describe('bodyOf', () => {
  it('a one-off window: start omitted means now, matchers one a line', () => {
    const d = { ...emptyDraft('Europe/Berlin'), serviceIds: ['s1'], reason: 'Upgrade PG', end: '2026-03-16T12:00', matchers: 'node="d01"\n\n  namespace=~"batch-.*" ' };
    const body = bodyOf(d);
    expect(body).toMatchObject({ serviceIds: ['s1'], reason: 'Upgrade PG', matchers: ['node="d01"', 'namespace=~"batch-.*"'] });
    expect(body.start).toBeUndefined();
    expect(typeof body.end).toBe('string');
    expect(body.recurrence).toBeUndefined();
    // announced in Slack unless unticked
    expect(body.announce).toBe(true);
    expect(bodyOf({ ...d, announce: false }).announce).toBe(false);
  });
  it('a weekly window carries its recurrence', () => {
    const body = bodyOf({ ...emptyDraft('Europe/Berlin'), kind: 'weekly', serviceIds: ['s1'], reason: 'Patching' });
    expect(body).toMatchObject({ end: null, recurrence: { weekdays: ['sunday'], startTime: '02:00', endTime: '04:00', timeZone: 'Europe/Berlin' } });
  });
});
