import { randomUUID } from 'node:crypto';
import { createLogger } from '@heinrich/config/logger';
import { createDatabase, type Database } from '@heinrich/db/create-database';
import type { Context } from '@heinrich/usecases/context';
import { handleIncidentEvent } from '@heinrich/usecases/outbox/handle-incident-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { testRedisUrl, uniquePrefix } from '../support/redis';
import { eventually } from './eventually';
import { alertmanagerPayload } from './fixture';
import { seedIntegrationKey } from './seed-integration-key';
import { sample, startTestWorker, type TestWorker } from './start-test-worker';
import { dispatchedEvents, outboxIds } from './timeline';

describe('worker: incident events from ingest to the timeline', () => {
  let api: TestApi;
  let worker: TestWorker;

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker({ databaseUrl: api.databaseUrl, redisUrl: api.redisUrl, redisPrefix: api.redisPrefix });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('records a dispatched event for incident.opened and empties the outbox', async () => {
    const { secret } = await seedIntegrationKey(api.db);
    const res = await api.post('/api/v1/integrations/alertmanager', alertmanagerPayload('01-firing-initial-6-pods.json'), secret);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ incidentsOpened: 1, deferred: 0 });
    const incidentId: string = res.body.incidents[0].id;

    const [dispatched] = await eventually('the dispatched event and an empty outbox', async () => {
      const events = await dispatchedEvents(api.db, incidentId);
      return events.length > 0 && (await outboxIds(api.db)).length === 0 && events;
    });
    const opened = await api.db.pool.query<{ id: string }>(`SELECT id FROM incident_events WHERE incident_id = $1 AND type = 'opened'`, [
      incidentId,
    ]);
    expect(dispatched).toMatchObject({
      message: 'Worker received "incident.opened"',
      actor: 'worker',
      data: { topic: 'incident.opened', eventId: opened.rows[0]!.id, outboxId: expect.any(String) },
    });
    expect(dispatched!.data.lagMs).toBeGreaterThanOrEqual(0);

    const metrics = await worker.metricsText();
    expect(sample(metrics, 'heinrich_outbox_lag_seconds_count')).toBe(1);
    expect(sample(metrics, 'heinrich_outbox_backlog')).toBe(0);
    expect(sample(metrics, 'heinrich_outbox_relayed_total')).toBe(0);
  });

  it('a second job for the same outbox row is a no-op', async () => {
    const { secret } = await seedIntegrationKey(api.db);
    const res = await api.post('/api/v1/integrations/alertmanager', alertmanagerPayload('01-firing-initial-6-pods.json'), secret);
    expect(res.status).toBe(200);
    const incidentId: string = res.body.incidents[0].id;
    const [first] = await eventually('the first dispatched event', async () => {
      const events = await dispatchedEvents(api.db, incidentId);
      return events.length > 0 && events;
    });

    // same payload, another job id: as if the relay and the api had both enqueued it
    const duplicateId = `dup-${first!.data.outboxId}`;
    await api.queue.add('incident-event', { outboxId: first!.data.outboxId }, { jobId: duplicateId });
    const job = await eventually('the duplicate job to complete', async () => {
      const state = await api.queue.getJobState(duplicateId);
      if (state === 'failed') throw new Error('duplicate job failed');
      return state === 'completed' && api.queue.getJob(duplicateId);
    });
    expect(job?.returnvalue).toEqual({ handled: false, outboxId: first!.data.outboxId });
    expect(await dispatchedEvents(api.db, incidentId)).toHaveLength(1);
  });

  it('/healthz and /readyz answer', async () => {
    const healthz = await fetch(`${worker.baseUrl}/healthz`);
    expect(healthz.status).toBe(200);
    const readyz = await fetch(`${worker.baseUrl}/readyz`);
    expect(readyz.status).toBe(200);
    expect(await readyz.json()).toMatchObject({ status: 'ready', postgres: 'ok', redis: { worker: 'ready', producer: 'ready' } });
  });
});

describe('handleIncidentEvent', () => {
  let database: TestDatabase;
  let db: Database;
  let ctx: Context;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDatabase({ url: database.url, poolSize: 4, applicationName: 'test-handle-incident-event' });
    const noPublish = { publish: async () => ({ published: 0, failed: 0 }) };
    ctx = { db, logger: createLogger({ name: 'test', level: 'silent' }), publisher: noPublish, now: () => new Date() };
  });
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it('claims a row once even when two handlers race for it', async () => {
    const { serviceId } = await seedIntegrationKey(db);
    const incidentId = randomUUID();
    await db.pool.query(
      `INSERT INTO incidents (id, service_id, group_key_hash, open_group_key, group_key, title)
       VALUES ($1, $2, 'h', 'h', 'k', 'race')`,
      [incidentId, serviceId],
    );
    const outboxId = randomUUID();
    await db.pool.query(`INSERT INTO outbox (id, incident_id, topic, created_at) VALUES ($1, $2, 'incident.opened', $3)`, [
      outboxId,
      incidentId,
      new Date('2026-11-28T10:00:00.000Z'),
    ]);
    const now = new Date('2026-11-28T10:00:01.250Z');

    const outcomes = await Promise.all([handleIncidentEvent(ctx, outboxId, now), handleIncidentEvent(ctx, outboxId, now)]);
    expect(outcomes.filter((o) => o.handled)).toEqual([
      { handled: true, outboxId, topic: 'incident.opened', incidentId, lagMs: 1250, escalation: expect.objectContaining({ unrouted: 1, pagesCreated: 0 }) },
    ]);
    expect(await dispatchedEvents(db, incidentId)).toHaveLength(1);
    expect(await handleIncidentEvent(ctx, outboxId, now)).toEqual({ handled: false, outboxId });
  });
});

describe('worker /metrics with METRICS_TOKEN', () => {
  let database: TestDatabase;
  let worker: TestWorker;
  const token = 'metrics-token-0123456789';

  beforeAll(async () => {
    database = await createTestDatabase();
    worker = await startTestWorker({
      databaseUrl: database.url,
      redisUrl: testRedisUrl(),
      redisPrefix: uniquePrefix('worker-metrics'),
      env: { METRICS_TOKEN: token },
    });
  });
  afterAll(async () => {
    await worker?.close();
    await database?.drop();
  });

  it('answers 401 without the bearer token and 200 with it', async () => {
    expect((await fetch(`${worker.baseUrl}/metrics`)).status).toBe(401);
    expect((await fetch(`${worker.baseUrl}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    expect(sample(await worker.metricsText(), 'heinrich_outbox_backlog')).toBe(0);
  });
});
