import type { Logger } from '@heinrich/config/logger';
import { describe, expect, it } from 'vitest';
import { logSender } from './log-sender';

describe('logSender', () => {
  it("logs the page as a person would read it: the incident's number, title, service and link, and who", async () => {
    const lines: { fields: Record<string, unknown>; msg: string }[] = [];
    // a pino-shaped logger that keeps what it is given
    const logger = { info: (fields: Record<string, unknown>, msg: string) => lines.push({ fields, msg }) } as unknown as Logger;
    const result = await logSender(logger).send({
      deliveryId: 'd1',
      target: 'demo log',
      signingSecret: null,
      incident: { id: 'i1', number: 42, title: 'Disk full on db-1', status: 'triggered', urgency: 'high', url: 'http://localhost:8080/incidents/42' },
      service: { id: 's1', name: 'checkout' },
      user: { id: 'u1', name: 'Bob Example' },
      cycle: 0,
      step: 0,
    });
    expect(result).toEqual({ providerId: null });
    expect(lines).toEqual([
      {
        msg: 'page delivered to the log',
        fields: expect.objectContaining({
          incidentNumber: 42,
          title: 'Disk full on db-1',
          service: 'checkout',
          url: 'http://localhost:8080/incidents/42',
          user: 'Bob Example',
          step: 1,
        }),
      },
    ]);
  });
});
