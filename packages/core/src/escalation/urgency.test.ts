import { describe, expect, it } from 'vitest';
import { resolveUrgency, severityUrgency, urgencyRules } from './urgency';

describe('severityUrgency', () => {
  it('maps PagerDuty severities, ignoring case and blanks', () => {
    expect(severityUrgency('critical')).toBe('high');
    expect(severityUrgency('error')).toBe('high');
    expect(severityUrgency('warning')).toBe('low');
    expect(severityUrgency(' Warning ')).toBe('low');
    expect(severityUrgency('INFO')).toBe('low');
  });

  it('treats missing and unknown severities as high', () => {
    for (const s of [null, undefined, '', 'page', 'warn', 'P1', 'sev2']) expect(severityUrgency(s)).toBe('high');
  });
});

describe('resolveUrgency', () => {
  it('fixed service urgencies ignore severities', () => {
    expect(resolveUrgency('high', ['info'])).toEqual({ urgency: 'high', reason: 'service urgency is high' });
    expect(resolveUrgency('low', ['critical'])).toEqual({ urgency: 'low', reason: 'service urgency is low' });
  });

  it('bySeverity takes the highest alert', () => {
    expect(resolveUrgency('bySeverity', ['info', 'warning']).urgency).toBe('low');
    expect(resolveUrgency('bySeverity', ['info', 'warning']).reason).toContain('every alert is low (info, warning)');
    expect(resolveUrgency('bySeverity', ['info', 'critical', 'warning'])).toEqual({
      urgency: 'high',
      reason: 'service urgency is by severity and alert severity "critical" is high',
    });
    expect(resolveUrgency('bySeverity', ['info', null]).reason).toContain('an alert without severity');
    expect(resolveUrgency('bySeverity', ['warning', 'disk-full']).urgency).toBe('high');
  });

  it('bySeverity without alerts is high', () => {
    expect(resolveUrgency('bySeverity', []).urgency).toBe('high');
  });
});

describe('urgencyRules', () => {
  it('low urgency never escalates, repeats or calls', () => {
    expect(urgencyRules('low')).toEqual({ escalates: false, repeats: false, voice: false });
    expect(urgencyRules('high')).toEqual({ escalates: true, repeats: true, voice: true });
  });
});
