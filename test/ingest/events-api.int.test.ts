// The generic events endpoint, PagerDuty Events API v2 shaped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { incidentsOf } from '../support/incident-state';
import { seedService, type SeededService } from '../support/seed-service';

const EVENTS = '/api/v1/integrations/events';

let api: TestApi;
let svc: SeededService;
beforeAll(async () => {
  api = await startTestApi();
  svc = await seedService(api.db, { type: 'events' });
});
afterAll(async () => {
  await api?.close();
});

function trigger(dedupKey: string | undefined, summary = 'Disk full on db-1') {
  return {
    routing_key: svc.secret,
    event_action: 'trigger',
    ...(dedupKey ? { dedup_key: dedupKey } : {}),
    payload: { summary, source: 'db-1', severity: 'critical', custom_details: { free: '0%' } },
    links: [{ href: 'https://runbooks.example/disk', text: 'runbook' }],
  };
}

describe('events API', () => {
  it('triggers an incident and answers 202 with the dedup_key', async () => {
    const res = await api.post(EVENTS, trigger('disk-db-1'));
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'success', dedup_key: 'disk-db-1', message: 'Event processed: incident triggered' });
    const incidents = await incidentsOf(api.db, svc.serviceId);
    expect(incidents).toMatchObject([{ title: 'Disk full on db-1', status: 'triggered', firing: 1, events: ['opened'] }]);
  });

  it('adds repeated triggers with the same dedup_key to the open incident', async () => {
    const results = await Promise.all([1, 2, 3].map(() => api.post(EVENTS, trigger('disk-db-1'))));
    expect(results.map((r) => r.body.message)).toEqual(Array(3).fill('Event processed: added to the open incident with this dedup_key'));
    expect(await incidentsOf(api.db, svc.serviceId)).toHaveLength(1);
  });

  it('acknowledges and then resolves the open incident by dedup_key', async () => {
    const ack = await api.post(EVENTS, { routing_key: svc.secret, event_action: 'acknowledge', dedup_key: 'disk-db-1' });
    expect(ack.status).toBe(202);
    expect((await incidentsOf(api.db, svc.serviceId))[0]).toMatchObject({ status: 'acknowledged' });

    const resolve = await api.post(EVENTS, { routing_key: svc.secret, event_action: 'resolve', dedup_key: 'disk-db-1' });
    expect(resolve.body.message).toBe('Event processed: alert resolved');
    expect((await incidentsOf(api.db, svc.serviceId))[0]).toMatchObject({
      status: 'resolved',
      events: ['opened', 'acknowledged', 'alerts_resolved', 'resolved'],
    });
    const alert = await api.db.prisma.alert.findFirstOrThrow({ where: { serviceId: svc.serviceId, fingerprint: 'disk-db-1' } });
    expect(alert.annotations).toMatchObject({ summary: 'Disk full on db-1' });
  });

  it('opens a new incident when the key triggers again after resolving', async () => {
    await api.post(EVENTS, trigger('disk-db-1'));
    expect((await incidentsOf(api.db, svc.serviceId)).map((i) => i.status)).toEqual(['resolved', 'triggered']);
  });

  it('treats acknowledge or resolve of an unknown dedup_key as a no-op, as PagerDuty does', async () => {
    for (const action of ['acknowledge', 'resolve']) {
      const res = await api.post(EVENTS, { routing_key: svc.secret, event_action: action, dedup_key: 'never-seen' });
      expect(res.status).toBe(202);
      expect(res.body.message).toBe('Event processed: no open incident with this dedup_key, nothing to do');
    }
  });

  it('generates a dedup_key when a trigger has none', async () => {
    const res = await api.post(EVENTS, trigger(undefined, 'Queue backlog'));
    expect(res.status).toBe(202);
    expect(res.body.dedup_key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects bad events with 400 naming the field, and unknown routing keys with 401', async () => {
    const noSummary = trigger('x');
    delete (noSummary.payload as { summary?: string }).summary;
    const bad = await api.post(EVENTS, { ...noSummary, payload: { ...noSummary.payload, severity: 'panic' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['payload.severity', 'payload.summary']);

    const noKey = await api.post(EVENTS, { routing_key: svc.secret, event_action: 'resolve' });
    expect(noKey.body.error.fields).toEqual([{ path: 'dedup_key', message: 'is required for resolve' }]);

    let deep: unknown = 'leaf';
    for (let i = 0; i < 40; i++) deep = { d: deep };
    const tooDeep = await api.post(EVENTS, { ...trigger('deep'), payload: { ...trigger('deep').payload, custom_details: deep } });
    expect(tooDeep.body.error.fields[0]).toEqual({ path: 'payload.custom_details', message: 'must not nest deeper than 16 levels' });

    const unknown = await api.post(EVENTS, { ...trigger('x'), routing_key: 'hk_unknown' });
    expect(unknown.status).toBe(401);
    const amKey = await seedService(api.db, { type: 'alertmanager' });
    expect((await api.post(EVENTS, { ...trigger('x'), routing_key: amKey.secret })).status).toBe(401);
  });
});
