import { describe, expect, it } from 'vitest';
import { bodyOf, draftOf, draftProblems } from './ServiceForm';
import { labelNameProblem } from '../../components/label-names';
import { withTyped } from '../../components/LabelChips';
import { receiverSnippet } from './IntegrationKeys';

describe('the service form', () => {
  it('sends what was typed, with empties as null and the labels as chipped', () => {
    const d = { ...draftOf(null, 'team-1'), name: 'checkout', groupBy: ['node', 'cluster', 'zone'], ackTimeoutMinutes: '30' };
    expect(bodyOf(d)).toEqual({
      name: 'checkout',
      description: null,
      teamId: 'team-1',
      escalationPolicyId: null,
      urgency: 'high',
      groupBy: ['node', 'cluster', 'zone'],
      autoResolve: true,
      ackTimeoutMinutes: 30,
      routingName: null,
    });
  });
  it('passes a minute count that is not a number on, for the API to name the field', () => {
    expect(bodyOf({ ...draftOf(null), ackTimeoutMinutes: 'soon' }).ackTimeoutMinutes).toBe('soon');
    expect(bodyOf({ ...draftOf(null), ackTimeoutMinutes: ' ' }).ackTimeoutMinutes).toBeNull();
  });
  it('round-trips a service', () => {
    const service = {
      id: 's', name: 'n', description: 'd', teamId: null, escalationPolicyId: 'p', groupBy: ['node'], autoResolve: false,
      urgency: 'bySeverity' as const, ackTimeoutMinutes: 5, routingName: 'db', createdAt: '', updatedAt: '',
      noise: { lateCopySeconds: 120, flapping: { enabled: true, changes: 4, windowSeconds: 1800 }, storm: { enabled: true, incidents: 5, windowSeconds: 300, quietSeconds: 600 } },
    };
    expect(bodyOf(draftOf(service))).toEqual({
      name: 'n', description: 'd', teamId: null, escalationPolicyId: 'p', urgency: 'bySeverity', groupBy: ['node'], autoResolve: false, ackTimeoutMinutes: 5, routingName: 'db',
    });
  });
});

describe('safe defaults of a new service', () => {
  it('needs a policy unless "page nobody" is chosen on purpose', () => {
    expect(draftProblems(draftOf(null))).toHaveLength(1);
    expect(draftProblems({ ...draftOf(null), escalationPolicyId: 'p' })).toEqual([]);
    expect(draftProblems({ ...draftOf(null), pageNobody: true })).toEqual([]);
    expect(bodyOf({ ...draftOf(null), escalationPolicyId: 'p', pageNobody: true }).escalationPolicyId).toBeNull();
  });
  it('refuses label names Prometheus would not take', () => {
    expect(labelNameProblem('alertname')).toBeNull();
    expect(labelNameProblem('alert name')).toMatch(/space/);
    expect(labelNameProblem('1node')).toMatch(/digit/);
    expect(labelNameProblem('node-name')).toMatch(/letters, digits and _/);
    expect(labelNameProblem('__name__')).toMatch(/__/);
    expect(withTyped(['node'], ' cluster ')).toEqual({ labels: ['node', 'cluster'] });
    expect(withTyped(['node'], 'alert name')).toHaveProperty('problem');
  });
});

describe('receiverSnippet', () => {
  it('is the receiver docs/api.md shows, with the key as a placeholder', () => {
    expect(receiverSnippet('https://heinrich.example.com')).toBe(
      'receivers:\n  - name: heinrich\n    webhook_configs:\n      - url: https://heinrich.example.com/api/v1/integrations/alertmanager\n        send_resolved: true\n        http_config:\n          authorization:\n            credentials: <the integration key>\n',
    );
  });
});
