// Manual incidents (issue 6, scope 4): a person opens an incident on a service,
// which escalates with the service's policy; or pages people directly ("page
// Alice now"), which runs a one-step policy of its own instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../worker/eventually';
import { startEscalationWorld, type EscalationWorld } from './escalation-world';

let w: EscalationWorld;
beforeAll(async () => {
  w = await startEscalationWorld();
});
afterAll(async () => {
  await w?.close();
});

/** waits until the worker began (or declined) the escalation of an incident */
async function escalationBegun(incidentId: string) {
  await eventually('the escalation to begin', async () => (await w.timeline(incidentId, ['escalation_started', 'escalation_not_started'])).length === 1);
}

describe('POST /api/v1/incidents', () => {
  it('opens an incident on a service that escalates with the service policy', async () => {
    const { alice, bob } = w.people;
    const schedule = await w.schedule([bob, alice]);
    const policy = await w.policy([{ delayMinutes: 5, targets: [{ type: 'schedule', id: schedule }] }]);
    const service = await w.service({ policyId: policy });

    const res = await w.api.admin('POST', '/api/v1/incidents', {
      serviceId: service.id,
      title: 'Checkout is down for EU customers',
      details: 'Reported by support; dashboards are green',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'Checkout is down for EU customers', status: 'triggered', severity: 'critical' });
    expect(res.body.alerts).toHaveLength(1);
    expect(res.body.timeline[0]).toMatchObject({ type: 'opened', actor: 'api-key:bootstrap', via: 'api' });

    await escalationBegun(res.body.id);
    expect((await w.pages(res.body.id)).map((p) => p.userId)).toEqual([bob.id]);
  });

  it('pages the assigned people directly instead of the service policy ("page Alice now")', async () => {
    const { alice, bob, dave } = w.people;
    const schedule = await w.schedule([bob]);
    const policy = await w.policy([{ delayMinutes: 5, targets: [{ type: 'schedule', id: schedule }] }]);
    const service = await w.service({ policyId: policy });

    const res = await w.api.admin('POST', '/api/v1/incidents', {
      serviceId: service.id,
      title: 'Need a second pair of eyes on the migration',
      severity: 'warning',
      assignTo: [
        { type: 'user', id: alice.id },
        { type: 'user', id: dave.id },
      ],
    });
    expect(res.status).toBe(201);
    await escalationBegun(res.body.id);
    expect((await w.pages(res.body.id)).map((p) => p.userId).sort()).toEqual([alice.id, dave.id].sort());
    const [started] = await w.timeline(res.body.id, ['escalation_started']);
    expect(started!.message).toContain(`"Direct page: ${alice.name}, ${dave.name}"`);
  });

  it('pages directly even on a service without a policy', async () => {
    const { carol } = w.people;
    const service = await w.service({ policyId: null });
    const res = await w.api.admin('POST', '/api/v1/incidents', { serviceId: service.id, title: 'Page Carol', assignTo: [{ type: 'user', id: carol.id }] });
    expect(res.status).toBe(201);
    await escalationBegun(res.body.id);
    expect((await w.pages(res.body.id)).map((p) => p.userId)).toEqual([carol.id]);
  });

  it('answers 400 naming the field, 404 for an unknown service', async () => {
    const service = await w.service({ policyId: null });
    const missing = await w.api.admin('POST', '/api/v1/incidents', { serviceId: service.id });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual([{ path: 'title', message: 'is required' }]);

    const unknownUser = await w.api.admin('POST', '/api/v1/incidents', {
      serviceId: service.id,
      title: 'x',
      assignTo: [{ type: 'user', id: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(unknownUser.status).toBe(400);
    expect(unknownUser.body.error.fields[0].path).toBe('assignTo.0.id');

    const noService = await w.api.admin('POST', '/api/v1/incidents', { serviceId: '00000000-0000-4000-8000-000000000000', title: 'x' });
    expect(noService.status).toBe(404);
    // nothing was opened by the refused requests
    expect(await w.api.db.prisma.incident.count({ where: { serviceId: service.id } })).toBe(0);
  });
});
