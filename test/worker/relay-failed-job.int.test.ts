import { createWorkerRedis } from '@heinrich/jobs/create-queue';
import { INCIDENT_EVENTS_QUEUE } from '@heinrich/jobs/queues';
import { UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { eventually } from './eventually';
import { alertmanagerPayload } from './fixture';
import { seedIntegrationKey } from './seed-integration-key';
import { sample, startTestWorker, type TestWorker } from './start-test-worker';
import { dispatchedEvents, outboxIds } from './timeline';

describe('outbox relay: a job that failed for good', () => {
  let api: TestApi;
  let worker: TestWorker | undefined;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('is retried while its outbox row is pending (a plain re-add would be a no-op)', async () => {
    const { secret } = await seedIntegrationKey(api.db);
    const res = await api.post('/api/v1/integrations/alertmanager', alertmanagerPayload('01-firing-initial-6-pods.json'), secret);
    expect(res.status).toBe(200);
    const incidentId: string = res.body.incidents[0].id;
    const [outboxId] = await outboxIds(api.db);
    const jobId = `outbox-${outboxId}`;

    // as if every attempt had failed (say Postgres was away for minutes): take the
    // api's job and fail it for good; BullMQ keeps it, and it blocks its id
    const connection = createWorkerRedis(api.redisUrl);
    const taker = new Worker(INCIDENT_EVENTS_QUEUE, null, { connection, prefix: api.redisPrefix, autorun: false });
    try {
      const job = await taker.getNextJob('test-token');
      expect(job?.id).toBe(jobId);
      await job!.moveToFailed(new UnrecoverableError('Postgres unavailable (simulated)'), 'test-token');
    } finally {
      await taker.close();
      connection.disconnect();
    }
    expect(await api.queue.getJobState(jobId)).toBe('failed');

    worker = await startTestWorker({ databaseUrl: api.databaseUrl, redisUrl: api.redisUrl, redisPrefix: api.redisPrefix });
    await eventually('the dispatched event after the relay retried the job', async () => {
      const events = await dispatchedEvents(api.db, incidentId);
      return events.length > 0 && (await outboxIds(api.db)).length === 0;
    });
    expect(await dispatchedEvents(api.db, incidentId)).toHaveLength(1);
    expect(await api.queue.getJobState(jobId)).toBe('completed');
    expect(sample(await worker.metricsText(), 'heinrich_outbox_relayed_total')).toBe(1);
  });
});
