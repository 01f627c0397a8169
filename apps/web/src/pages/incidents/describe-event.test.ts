import type { TimelineEventJson } from '@heinrich/contracts/incidents';
import { describe, expect, it } from 'vitest';
import { describeEvent } from './describe-event';

const zone = 'Europe/Berlin';
const now = new Date('2026-12-07T01:04:00.000Z');
const alice = '11111111-1111-4111-8111-111111111111';
const bob = '22222222-2222-4222-8222-222222222222';
const userNames = new Map([
  [alice, 'Alice Example'],
  [bob, 'Bob Example'],
]);
const ctx = { userNames, now, zone };
const event = (e: Partial<TimelineEventJson>): TimelineEventJson => ({ id: '1', type: 'opened', message: '', actor: null, via: null, data: {}, createdAt: now.toISOString(), ...e });

describe('timeline sentences from event data', () => {
  it('names the actor once, and the surface in words', () => {
    const d = describeEvent(event({ type: 'acknowledged', message: 'Acknowledged by Alice Example via ui', actor: `user:${alice}`, via: 'ui' }), ctx);
    expect(d).toMatchObject({ text: 'Acknowledged by Alice Example in the web UI', by: null, internal: false });
    const r = describeEvent(event({ type: 'resolved', message: 'Resolved by Bob Example via sms', actor: `user:${bob}`, via: 'sms', data: { firingAlerts: 2 } }), ctx);
    expect(r.text).toBe('Resolved by Bob Example by SMS while 2 alerts still fired');
  });

  it('writes a step: who, why (their shift in the viewer zone) and when the next step follows', () => {
    const d = describeEvent(
      event({
        type: 'escalation_step',
        message: 'server sentence 2026-12-07T01:08:48.234Z',
        data: {
          cycle: 0,
          step: 0,
          pass: 0,
          at: '2026-12-07T01:03:48.234Z',
          targets: [{ type: 'schedule', id: 's', name: 'Primary', users: [alice], outcome: { kind: 'on-call' } }],
          pages: [{ userId: alice, reasons: [{ kind: 'schedule', targetIndex: 0, scheduleId: 's', because: { kind: 'layer', layerName: 'Weekly', shiftNumber: 47, shiftStart: '2026-11-30T08:00:00.000Z', shiftEnd: '2026-12-07T08:00:00.000Z' } }] }],
          next: { cycle: 0, step: 1, dueAt: '2026-12-07T01:08:48.234Z' },
        },
      }),
      ctx,
    );
    expect(d.text).toBe('Step 1: paging Alice Example (on call in "Primary": layer "Weekly", shift 47, Mon 30 Nov, 09:00 to 09:00); step 2 follows at 02:08 (in 5 min) unless acknowledged');
  });

  it('folds the worker\'s hand-offs, keeps notes as written, formats the instants of other messages', () => {
    expect(describeEvent(event({ type: 'dispatched', message: 'Worker received "incident.opened"', actor: 'worker', data: { outboxId: 'o', topic: 'incident.opened', eventId: null, lagMs: 3 } }), ctx).internal).toBe(true);
    const note = describeEvent(event({ type: 'note', message: 'rolled back at 2026-12-07T01:00:00Z', actor: `user:${alice}`, via: 'ui', data: { author: alice } }), ctx);
    expect(note).toMatchObject({ text: 'rolled back at 2026-12-07T01:00:00Z', by: 'Alice Example in the web UI', userText: true });
    expect(describeEvent(event({ type: 'unknown_kind', message: 'ended at 2026-12-07T00:30:00.000Z' }), ctx).text).toBe('ended at 01:30');
  });
});
