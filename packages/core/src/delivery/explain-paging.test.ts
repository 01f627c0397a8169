import { describe, expect, it } from 'vitest';
import { explainPaging, type ExplainEvent } from './explain-paging';

const at = (m: number) => new Date(Date.UTC(2026, 10, 28, 21, m));
const alice = { id: 'u-alice', name: 'Alice' };
const bob = { id: 'u-bob', name: 'Bob' };

const events: ExplainEvent[] = [
  { type: 'escalation_step', message: 'Step 1 of 2: paging Alice (named in the step)', data: { pages: [{ userId: 'u-alice' }] }, createdAt: at(0) },
  {
    type: 'delivery_planned',
    message: 'Notifying Alice: Slack now, webhook now; not used: SMS unverified',
    data: { userId: 'u-alice', skipped: [{ reason: 'SMS unverified' }] },
    createdAt: at(0),
  },
  { type: 'notification_unavailable', message: 'Slack to Alice not sent (Slack: no credentials configured); webhook is already on its way', data: { userId: 'u-alice', reason: 'Slack: no credentials configured' }, createdAt: at(0) },
  { type: 'notified', message: 'Paged Alice via webhook', data: { userId: 'u-alice', channel: 'webhook' }, createdAt: at(0) },
  { type: 'escalation_stopped', message: 'Escalation stopped: the incident is acknowledged', data: {}, createdAt: at(3) },
];

describe('explainPaging', () => {
  it('a paged person: the step, how they were reached, and every method not used with why', () => {
    const [a] = explainPaging(events, [alice]);
    expect(a).toMatchObject({ paged: true, reached: true });
    expect(a!.summary).toBe(
      'Step 1 of 2: paging Alice (named in the step); reached via webhook; not used: SMS unverified, Slack: no credentials configured',
    );
    expect(a!.facts.map((f) => f.type)).toEqual(['escalation_step', 'delivery_planned', 'notification_unavailable', 'notified']);
  });

  it('someone no step paged: said so, with how the escalation ended', () => {
    const [b] = explainPaging(events, [bob]);
    expect(b).toMatchObject({ paged: false, reached: false, facts: [] });
    expect(b!.summary).toBe(
      "Bob was not paged: no step of this incident's escalation paged them; Escalation stopped: the incident is acknowledged (2026-11-28T21:03:00.000Z)",
    );
  });
});
