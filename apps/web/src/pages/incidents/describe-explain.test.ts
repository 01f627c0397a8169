import type { ExplainIncidentResponse } from '@heinrich/contracts/incidents';
import { describe, expect, it } from 'vitest';
import { containsIsoInstant } from '../../lib/instant-text';
import { describeExplanation, describeReason } from './describe-explain';

type Person = ExplainIncidentResponse['people'][number];
const ctx = { userNames: new Map([['u-alice', 'Alice'], ['u-bob', 'Bob']]), zone: 'Europe/Berlin', now: new Date('2026-12-07T01:04:00Z') };

describe('describeReason: explain written from its typed data in the viewer zone', () => {
  it('a step not run yet: due in the viewer zone, with how long until then', () => {
    const r = {
      code: 'step_not_run_yet',
      message: 'step 2 (named in it) has not run yet: due at 2026-12-07T01:08:00.000Z unless acknowledged',
      params: { kind: 'step' as const, step: 1, how: ['named in it'], dueAt: '2026-12-07T01:08:00.000Z', stoppedAt: null, stopDetail: null, ending: null },
    };
    expect(describeReason(r, ctx)).toBe('step 2 (named in it) has not run yet: due at 02:08 (in 4 min) unless acknowledged');
  });

  it('a paged step reads as the timeline does; a schedule miss names the shift in the viewer zone', () => {
    const paged = {
      code: 'paged',
      message: 'Step 1: paging Alice; step 2 follows at 2026-12-07T01:08:00.000Z',
      params: { kind: 'event' as const, type: 'escalation_step', at: '2026-12-07T00:58:00Z', data: { cycle: 0, step: 0, pass: 0, at: '2026-12-07T00:58:00.000Z', pages: [{ userId: 'u-alice', reasons: [{ kind: 'user' }] }], targets: [], next: { cycle: 0, step: 1, dueAt: '2026-12-07T01:08:00.000Z' } } },
    };
    expect(describeReason(paged, ctx)).toBe('Step 1: paging Alice (named in the step); step 2 follows at 02:08 (in 4 min) unless acknowledged');
    const miss = {
      code: 'not_their_shift',
      message: 'not on call in schedule "Primary" at 2026-12-07T00:58:00.000Z: …',
      params: {
        kind: 'schedule_miss' as const,
        schedule: 'Primary',
        at: '2026-12-07T00:58:00.000Z',
        person: 'Bob',
        layerName: null,
        shiftStart: null,
        shiftEnd: null,
        higherLayerName: null,
        higherUser: null,
        winner: { kind: 'layer' as const, user: 'Alice', layerName: 'Weekly', shiftNumber: 47, shiftStart: '2026-11-30T08:00:00.000Z', shiftEnd: '2026-12-07T08:00:00.000Z' },
      },
    };
    expect(describeReason(miss, ctx)).toBe('not on call in schedule "Primary" at 01:58: it was Alice\'s shift (layer "Weekly", shift 47, Mon 30 Nov, 09:00 to 09:00)');
  });

  it('a person not paged: one paragraph, no ISO instant', () => {
    const person: Person = {
      userId: 'u-bob',
      name: 'Bob',
      paged: false,
      reached: false,
      summary: 'Bob was not paged: …',
      facts: [],
      reasons: [
        { code: 'stopped_before_turn', message: '…', params: { kind: 'step', step: 1, how: ['named in it'], dueAt: '2026-12-07T01:08:00.000Z', stoppedAt: '2026-12-07T01:02:00.000Z', stopDetail: 'the incident is acknowledged', ending: null } },
        { code: 'held_by_maintenance', message: '…', params: { kind: 'maintenance', reason: 'Upgrade PG', windowId: 'w-1', since: '2026-12-06T23:00:00.000Z', until: '2026-12-07T03:00:00.000Z', endedAt: null, release: null, firingAlerts: null, escalationAt: null } },
      ],
    };
    const text = describeExplanation(person, ctx);
    expect(text).toBe(
      'Bob was not paged: step 2 (named in it) never ran: the escalation stopped at 02:02 (the incident is acknowledged), before it was due at 02:08 (in 4 min); held by maintenance window "Upgrade PG" since 00:00: nobody is paged while it lasts; it ends at 04:00 (in 1 h 56 min), then it pages if it still fires',
    );
    expect(containsIsoInstant(text)).toBe(false);
  });
});
