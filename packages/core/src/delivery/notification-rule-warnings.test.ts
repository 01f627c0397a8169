import { describe, expect, it } from 'vitest';
import { notificationRuleWarnings } from './notification-rule-warnings';

const all = new Set(['log', 'webhook', 'sms', 'voice', 'slack'] as const);

describe('notificationRuleWarnings', () => {
  it('says nothing for a method that can page', () => {
    expect(notificationRuleWarnings({ type: 'sms', verified: true, disabled: false }, 'any', all)).toEqual([]);
    expect(notificationRuleWarnings({ type: 'webhook', verified: false, disabled: false }, 'low', all)).toEqual([]);
  });
  it('warns about an unverified phone, a STOP, a call at low urgency and a missing provider', () => {
    expect(notificationRuleWarnings({ type: 'sms', verified: false, disabled: false }, 'any', all).map((w) => w.message)).toEqual([
      'This number is not verified yet: nothing is sent to it until it is. Verify it under Contact methods.',
    ]);
    expect(notificationRuleWarnings({ type: 'sms', verified: true, disabled: true }, 'any', all)[0]!.message).toMatch(/STOP/);
    expect(notificationRuleWarnings({ type: 'voice', verified: true, disabled: false }, 'low', all)).toEqual([
      { path: 'urgency', message: expect.stringMatching(/never call/) },
    ]);
    expect(notificationRuleWarnings({ type: 'slack', verified: true, disabled: false }, 'any', new Set(['log', 'webhook']))[0]!.message).toMatch(/no Slack app/);
    // unknown providers (the browser): only what the method itself says
    expect(notificationRuleWarnings({ type: 'slack', verified: true, disabled: false }, 'any')).toEqual([]);
  });
});
