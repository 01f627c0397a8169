import { describe, expect, it } from 'vitest';
import { decideOutboundHeartbeat, type PipelineHealth } from './decide-outbound-heartbeat';

const now = new Date('2026-12-07T12:00:00.000Z');
const thresholds = { maxOutboxLagSeconds: 120, maxEscalationLagSeconds: 60 };
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const healthy: PipelineHealth = {
  postgres: { oldestOutboxAt: null, earliestDueAt: null },
  redis: { consumers: { 'incident-events': 2, escalations: 2, 'deliver-webhook': 1 } },
};

describe('decideOutboundHeartbeat', () => {
  it('pings while everything is healthy: nothing waiting, or waiting within the thresholds (inclusive)', () => {
    expect(decideOutboundHeartbeat(healthy, thresholds, now)).toEqual({ send: true });
    const busy = { ...healthy, postgres: { oldestOutboxAt: ago(120), earliestDueAt: ago(60) } };
    expect(decideOutboundHeartbeat(busy, thresholds, now)).toEqual({ send: true });
  });

  it('a step due in the future is not late', () => {
    const later = { ...healthy, postgres: { oldestOutboxAt: null, earliestDueAt: new Date(now.getTime() + 3_600_000) } };
    expect(decideOutboundHeartbeat(later, thresholds, now)).toEqual({ send: true });
  });

  it('does not ping without Postgres, and does not guess the lags then', () => {
    expect(decideOutboundHeartbeat({ redis: healthy.redis }, thresholds, now)).toEqual({ send: false, reasons: ['postgres'], detail: {} });
  });

  it('does not ping without Redis, and does not guess the consumers then', () => {
    expect(decideOutboundHeartbeat({ postgres: healthy.postgres }, thresholds, now)).toEqual({ send: false, reasons: ['redis'], detail: {} });
    expect(decideOutboundHeartbeat({}, thresholds, now)).toMatchObject({ send: false, reasons: ['postgres', 'redis'] });
  });

  it('does not ping when the outbox or the escalations are behind, saying by how much', () => {
    const late = { ...healthy, postgres: { oldestOutboxAt: ago(120.5), earliestDueAt: ago(90) } };
    expect(decideOutboundHeartbeat(late, thresholds, now)).toEqual({
      send: false,
      reasons: ['outbox_lag', 'escalation_lag'],
      detail: { outboxLagSeconds: 120.5, escalationLagSeconds: 90 },
    });
  });

  it('does not ping when a queue has no worker consuming it, naming the queues', () => {
    const orphan = { ...healthy, redis: { consumers: { 'incident-events': 0, escalations: 1, 'deliver-sms': 0 } } };
    expect(decideOutboundHeartbeat(orphan, thresholds, now)).toEqual({
      send: false,
      reasons: ['no_consumer'],
      detail: { unconsumedQueues: ['deliver-sms', 'incident-events'] },
    });
  });
});
