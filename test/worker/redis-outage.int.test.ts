import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { eventually } from './eventually';
import { alertmanagerPayload } from './fixture';
import { startOwnRedisServer, type OwnRedisServer } from './own-redis-server';
import { seedIntegrationKey } from './seed-integration-key';
import { sample, startTestWorker, type TestWorker } from './start-test-worker';
import { dispatchedEvents, outboxIds } from './timeline';

// Each test takes Redis away in its own way, on a redis-server of this file's own.
describe('worker: events survive Redis going away', () => {
  let redis: OwnRedisServer;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    redis = await startOwnRedisServer();
  });
  afterAll(async () => {
    // workers and apis first, while their Redis still answers
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    await redis?.stop();
  });

  async function api(): Promise<TestApi> {
    const started = await startTestApi({ redisUrl: redis.url });
    cleanups.push(() => started.close());
    return started;
  }
  async function workerFor(target: TestApi): Promise<TestWorker> {
    const started = await startTestWorker({ databaseUrl: target.databaseUrl, redisUrl: redis.url, redisPrefix: target.redisPrefix });
    cleanups.push(() => started.close());
    return started;
  }

  it('Redis down during ingest: accepted, kept in the outbox, dispatched once Redis is back', async () => {
    const target = await api();
    const worker = await workerFor(target);
    const { secret } = await seedIntegrationKey(target.db);

    await redis.stop();
    // the api has noticed: its publish now fails at once instead of racing the crash
    await eventually('the api to see Redis down', async () => {
      const readyz = await fetch(`${target.baseUrl}/readyz`).then((r) => r.json());
      return !String(readyz.redis).startsWith('ok');
    });
    const res = await target.post('/api/v1/integrations/alertmanager', alertmanagerPayload('01-firing-initial-6-pods.json'), secret);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ incidentsOpened: 1, deferred: 1 });
    const incidentId: string = res.body.incidents[0].id;
    expect(await outboxIds(target.db)).toHaveLength(1);
    expect(await dispatchedEvents(target.db, incidentId)).toHaveLength(0);

    await redis.start();
    await eventually('the dispatched event after Redis came back', async () => {
      const events = await dispatchedEvents(target.db, incidentId);
      return events.length > 0 && (await outboxIds(target.db)).length === 0;
    });
    const events = await dispatchedEvents(target.db, incidentId);
    expect(events.map((e) => e.data.topic)).toEqual(['incident.opened']);
    expect(sample(await worker.metricsText(), 'heinrich_outbox_relayed_total')).toBe(1);
  });

  it('FLUSHALL between enqueue and the worker: the relay re-creates the job, handled exactly once', async () => {
    const target = await api();
    const { secret } = await seedIntegrationKey(target.db);
    const res = await target.post('/api/v1/integrations/alertmanager', alertmanagerPayload('01-firing-initial-6-pods.json'), secret);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ incidentsOpened: 1, deferred: 0 });
    const incidentId: string = res.body.incidents[0].id;
    const [outboxId] = await outboxIds(target.db);
    expect(await target.queue.getJobState(`outbox-${outboxId}`)).toBe('waiting');

    await redis.flushAll();
    expect(await target.queue.getJobState(`outbox-${outboxId}`)).toBe('unknown');

    const worker = await workerFor(target);
    await eventually('the dispatched event after the relay re-created the job', async () => {
      const events = await dispatchedEvents(target.db, incidentId);
      return events.length > 0 && (await outboxIds(target.db)).length === 0;
    });
    const events = await dispatchedEvents(target.db, incidentId);
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ outboxId, topic: 'incident.opened' });
    expect(sample(await worker.metricsText(), 'heinrich_outbox_relayed_total')).toBe(1);
  });
});
