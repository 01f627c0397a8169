// Chaos for the escalation engine, each test with a redis-server of its own:
// a worker killed with SIGKILL between steps, Redis flushed with escalations
// pending, two workers racing for the same steps. Postgres holds the state;
// whatever happens to Redis and to workers, every step is paged exactly once.
import { escalationJobId } from '@heinrich/core/escalation/escalation-job-id';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../worker/eventually';
import { startOwnRedisServer, type OwnRedisServer } from '../worker/own-redis-server';
import { sample, startTestWorker, type TestWorker } from '../worker/start-test-worker';
import { startEscalationWorld, type EscalationWorld } from './escalation-world';
import { spawnWorkerProcess, type WorkerProcess } from './spawn-worker-process';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn().catch(() => {});
});
afterAll(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn().catch(() => {});
});

async function ownRedis(): Promise<OwnRedisServer> {
  const redis = await startOwnRedisServer();
  cleanup.push(() => redis.stop());
  return redis;
}

async function world(opts: Parameters<typeof startEscalationWorld>[0]): Promise<EscalationWorld> {
  const w = await startEscalationWorld(opts);
  cleanup.push(() => w.close());
  return w;
}

/** how many times each step was decided (entered with pages), from the timeline */
async function stepDecisions(w: EscalationWorld, incidentId: string): Promise<string[]> {
  return (await w.timeline(incidentId, ['escalation_step'])).map((e) => `c${e.data.cycle}s${e.data.step}`);
}

describe('escalation chaos', () => {
  it('a worker killed with SIGKILL between steps: a new worker fires the next step exactly once', { timeout: 120_000 }, async () => {
    const redis = await ownRedis();
    const w = await world({ redisUrl: redis.url, inProcessWorker: false, realClock: true });
    const env = {
      DATABASE_URL: w.api.databaseUrl,
      REDIS_URL: redis.url,
      REDIS_PREFIX: w.api.redisPrefix,
      OUTBOX_RELAY_INTERVAL_MS: '200',
      OUTBOX_STALE_AFTER_MS: '500',
      ESCALATION_SWEEP_INTERVAL_MS: '200',
      ESCALATION_SWEEP_GRACE_MS: '1000',
    };
    const spawn = (): WorkerProcess => {
      const proc = spawnWorkerProcess(env);
      cleanup.push(() => proc.kill9());
      return proc;
    };
    const { alice, bob } = w.people;
    const policy = await w.policy([
      { delayMinutes: 1, targets: [{ type: 'user', id: alice.id }] },
      { delayMinutes: 1, targets: [{ type: 'user', id: bob.id }] },
    ]);
    // storm mode off: these incidents test the engine, not storms (test/noise/storm-mode.int.test.ts)
    const { key } = await w.service({ policyId: policy, noise: { storm: { enabled: false } } });

    const first = spawn();
    const incident = await w.trigger(key);
    expect((await w.pages(incident.id)).map((p) => p.userId)).toEqual([alice.id]);

    // the step's delay, shortened to 3 s in both places that know it (Postgres and the delayed job)
    const jobId = escalationJobId({ incidentId: incident.id, cycle: 0, step: 1, generation: 0 });
    await w.api.db.pool.query(`UPDATE incident_escalations SET next_due_at = $2 WHERE incident_id = $1`, [incident.id, new Date(Date.now() + 3_000)]);
    // the engine enqueues the delayed job right after its transaction commits: wait for it to exist
    const job = await eventually('the step 2 job to be enqueued', () => w.escalationQueue.getJob(jobId));
    await job.changeDelay(3_000);

    await first.kill9();
    const second = spawn();
    await eventually('step 2 to be paged by the new worker', async () => (await w.pages(incident.id)).length === 2, { timeoutMs: 60_000 });
    // long enough for the job and the sweeper (every 200 ms, 1 s grace) both to have tried
    await new Promise((r) => setTimeout(r, 4_000));
    expect((await w.pages(incident.id)).map((p) => `c${p.cycle}s${p.step}:${p.userId}`)).toEqual([`c0s0:${alice.id}`, `c0s1:${bob.id}`]);
    expect(await stepDecisions(w, incident.id)).toEqual(['c0s0', 'c0s1']);
    expect(await w.escalationQueue.getJobState(jobId)).toBe('completed');
    expect(second.output()).not.toMatch(/"level":(50|60)/);
  });

  it('FLUSHALL with escalations pending: the sweeper fires every pending step exactly once', async () => {
    const redis = await ownRedis();
    const w = await world({ redisUrl: redis.url, workerEnv: { ESCALATION_SWEEP_INTERVAL_MS: '200', ESCALATION_SWEEP_GRACE_MS: '0' } });
    const { alice, bob, carol } = w.people;
    const policy = await w.policy([
      { delayMinutes: 5, targets: [{ type: 'user', id: alice.id }] },
      { delayMinutes: 5, targets: [{ type: 'user', id: bob.id }] },
      { delayMinutes: 5, targets: [{ type: 'user', id: carol.id }] },
    ]);
    // storm mode off: these incidents test the engine, not storms (test/noise/storm-mode.int.test.ts)
    const { key } = await w.service({ policyId: policy, noise: { storm: { enabled: false } } });
    const incidents: Awaited<ReturnType<typeof w.trigger>>[] = [];
    for (let i = 0; i < 6; i++) incidents.push(await w.trigger(key));
    expect(await w.escalationQueue.getDelayedCount()).toBe(6);

    await redis.flushAll();
    expect(await w.escalationQueue.getDelayedCount()).toBe(0);
    w.clock.advanceMinutes(5);
    await eventually('every step 2 to be paged', async () => {
      const counts = await Promise.all(incidents.map(async (i) => (await w.pages(i.id)).length));
      return counts.every((n) => n === 2);
    });
    await new Promise((r) => setTimeout(r, 1_000));
    for (const i of incidents) expect(await stepDecisions(w, i.id)).toEqual(['c0s0', 'c0s1']);
    expect(sample(await w.worker!.metricsText(), 'heinrich_escalation_swept_total')).toBe(6);
    // and the engine carries on: step 3's jobs exist again
    expect(await w.escalationQueue.getDelayedCount()).toBe(6);
  });

  it('two workers side by side, jobs and sweepers racing for every step: nobody is paged twice', { timeout: 120_000 }, async () => {
    const redis = await ownRedis();
    const env = { ESCALATION_SWEEP_INTERVAL_MS: '100', ESCALATION_SWEEP_GRACE_MS: '0' };
    const w = await world({ redisUrl: redis.url, workerEnv: env });
    const other: TestWorker = await startTestWorker({
      databaseUrl: w.api.databaseUrl,
      redisUrl: redis.url,
      redisPrefix: w.api.redisPrefix,
      now: w.clock.now,
      env,
    });
    cleanup.push(() => other.close());
    const { alice, bob, carol } = w.people;
    const policy = await w.policy(
      [
        { delayMinutes: 5, targets: [{ type: 'user', id: alice.id }, { type: 'user', id: bob.id }] },
        { delayMinutes: 5, targets: [{ type: 'user', id: bob.id }] },
        { delayMinutes: 5, targets: [{ type: 'user', id: carol.id }] },
      ],
      1,
    );
    // storm mode off: these incidents test the engine, not storms (test/noise/storm-mode.int.test.ts)
    const { key } = await w.service({ policyId: policy, noise: { storm: { enabled: false } } });
    const incidents = await Promise.all(Array.from({ length: 12 }, () => w.trigger(key)));

    const expected = ['c0s0', 'c0s1', 'c0s2', 'c1s0', 'c1s1', 'c1s2'];
    for (let round = 1; round < expected.length; round++) {
      w.clock.advanceMinutes(5);
      // the jobs run now too (their real delay is the test clock's 5 minutes), racing both sweepers
      const delayed = await w.escalationQueue.getDelayed();
      await Promise.all(delayed.map((job) => job.promote().catch(() => {})));
      await eventually(`round ${round}`, async () => {
        const decided = await Promise.all(incidents.map((i) => stepDecisions(w, i.id)));
        return decided.every((d) => d.length === round + 1);
      });
    }
    await new Promise((r) => setTimeout(r, 1_000));
    for (const i of incidents) {
      expect(await stepDecisions(w, i.id)).toEqual(expected);
      expect((await w.pages(i.id)).map((p) => `c${p.cycle}s${p.step}:${p.userId}`).sort()).toEqual(
        [
          `c0s0:${alice.id}`, `c0s0:${bob.id}`, `c0s1:${bob.id}`, `c0s2:${carol.id}`,
          `c1s0:${alice.id}`, `c1s0:${bob.id}`, `c1s1:${bob.id}`, `c1s2:${carol.id}`,
        ].sort(),
      );
      expect(await w.escalation(i.id)).toMatchObject({ status: 'exhausted' });
    }
    // both workers took part
    const handled = await Promise.all([w.worker!, other].map(async (x) => sample(await x.metricsText(), 'heinrich_escalation_pages_total') ?? 0));
    expect(handled.every((n) => n > 0)).toBe(true);
  });
});
