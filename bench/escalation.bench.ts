// Escalation engine benchmark (issue 6): 10,000 open incidents whose next step
// falls due spread evenly over one minute, run by one worker runtime (BullMQ
// delayed jobs, the sweeper as backstop) -> lateness of step firing: from the
// step's due time to the engine starting it (the instant the step's pages are
// stamped with). Goal: p99 < 500 ms.
//
// Setup writes the escalations straight to Postgres (each at step 2 of a
// 3-step policy whose step 2 is a schedule, so every firing resolves on-call
// through the one resolver) and enqueues their jobs as the engine would after
// the commit of step 1; only the firing is measured.
import { randomUUID } from 'node:crypto';
import { loadWorkerConfig } from '@heinrich/config/load-config';
import { createLogger } from '@heinrich/config/logger';
import { createDatabase, pingDatabase } from '@heinrich/db/create-database';
import { createProducerRedis, createQueue } from '@heinrich/jobs/create-queue';
import { ESCALATIONS_QUEUE } from '@heinrich/jobs/queues';
import { bullmqEscalationScheduler } from '@heinrich/usecases/escalation/escalation-scheduler';
import pg from 'pg';
import { startWorker } from '../apps/worker/src/start-worker';
import { createBenchDatabase } from './bench-database';
import { round } from './load';

export interface EscalationBenchOptions {
  adminDatabaseUrl: string;
  redisUrl: string;
  incidents: number;
  spreadSeconds: number;
}

export async function escalationBench(opts: EscalationBenchOptions) {
  const database = await createBenchDatabase(opts.adminDatabaseUrl);
  const prefix = `bench-esc-${randomUUID().slice(0, 8)}`;
  const logger = createLogger({ name: 'bench-escalation', level: 'silent' });
  const db = createDatabase({ url: database.url, poolSize: 20, applicationName: 'bench-escalation' });
  const redis = createProducerRedis(opts.redisUrl);
  redis.on('error', () => {});
  const queue = createQueue(ESCALATIONS_QUEUE, redis, prefix);
  queue.on('error', () => {});
  const raw = new pg.Client({ connectionString: database.url });
  await raw.connect();
  try {
    const { dueAt } = await seed(raw, opts);
    const config = loadWorkerConfig({ DATABASE_URL: database.url, REDIS_URL: opts.redisUrl, REDIS_PREFIX: prefix, PORT: '0', LOG_LEVEL: 'silent', DATABASE_POOL_SIZE: '20' });
    const runtime = await startWorker({ config, logger, db, pingDatabase: () => pingDatabase(db) });
    try {
      // the jobs the engine adds after step 1's commit, in batches
      const scheduler = bullmqEscalationScheduler(queue, logger, () => new Date());
      const rows = await raw.query<{ incident_id: string; next_due_at: Date }>(`SELECT incident_id, next_due_at FROM incident_escalations`);
      for (let i = 0; i < rows.rows.length; i += 1_000) {
        await scheduler.schedule(
          rows.rows.slice(i, i + 1_000).map((r) => ({ ref: { incidentId: r.incident_id, cycle: 0, step: 1, generation: 0 }, dueAt: r.next_due_at })),
        );
      }
      const enqueuedAfterMs = Date.now() - dueAt.getTime();
      if (enqueuedAfterMs > 0) throw new Error(`enqueuing took too long: the first step was due ${enqueuedAfterMs} ms before its job existed`);
      // wait for every step to fire (or give up a minute after the last was due)
      const deadline = dueAt.getTime() + opts.spreadSeconds * 1000 + 60_000;
      for (;;) {
        const fired = await count(raw, `SELECT count(*)::int AS n FROM notifications WHERE step = 1`);
        if (fired >= opts.incidents || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      const stats = await raw.query<{ fired: number; p50: number; p95: number; p99: number; max: number }>(
        `SELECT count(*)::int AS fired,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
                percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95,
                percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99,
                max(ms) AS max
           FROM (SELECT extract(epoch FROM (n.created_at - d.due)) * 1000 AS ms
                   FROM notifications n JOIN bench_due d ON d.incident_id = n.incident_id
                  WHERE n.step = 1) t`,
      );
      const swept = await count(raw, `SELECT count(*)::int AS n FROM incident_events WHERE type = 'escalation_step' AND (data->>'step')::int = 1`);
      const s = stats.rows[0]!;
      return {
        incidents: opts.incidents,
        spreadSeconds: opts.spreadSeconds,
        stepsFired: s.fired,
        stepDecisions: swept,
        latenessMs: { p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max) },
        goalP99Ms: 500,
      };
    } finally {
      await runtime.close();
    }
  } finally {
    await raw.end();
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close().catch(() => {});
    redis.disconnect();
    await db.close();
    await database.drop();
  }
}

/** a team with a lead, three people, a weekly schedule, a 3-step policy, one service, and the incidents at step 2 */
export async function seed(c: pg.Client, opts: EscalationBenchOptions): Promise<{ dueAt: Date }> {
  const team = randomUUID();
  const users = [randomUUID(), randomUUID(), randomUUID()];
  const schedule = randomUUID();
  const policyId = randomUUID();
  const service = randomUUID();
  await c.query(`INSERT INTO teams (id, name, updated_at) VALUES ($1, 'bench', now())`, [team]);
  for (const [i, id] of users.entries()) {
    await c.query(`INSERT INTO users (id, name, email, updated_at) VALUES ($1, $2, $3, now())`, [id, `User ${i}`, `u${i}@bench.test`]);
    await c.query(`INSERT INTO team_members (team_id, user_id, role) VALUES ($1, $2, $3)`, [team, id, i === 0 ? 'lead' : 'responder']);
  }
  const layers = [{ name: 'Weekly', members: users, rotation: { type: 'weekly', shiftLength: 1 }, start: '2026-01-05T09:00:00+01:00', end: null, restrictions: [] }];
  await c.query(`INSERT INTO schedules (id, team_id, name, time_zone, updated_at) VALUES ($1, $2, 'bench', 'Europe/Berlin', now())`, [schedule, team]);
  await c.query(
    `INSERT INTO schedule_revisions (id, schedule_id, version, effective_from, time_zone, layers, created_by) VALUES ($1, $2, 1, '2026-01-01T00:00:00Z', 'Europe/Berlin', $3, 'bench')`,
    [randomUUID(), schedule, JSON.stringify(layers)],
  );
  const policy = {
    id: policyId,
    name: 'bench',
    teamId: team,
    repeat: 0,
    steps: [
      { delayMinutes: 5, targets: [{ type: 'user', id: users[1] }] },
      { delayMinutes: 5, targets: [{ type: 'schedule', id: schedule }] },
      { delayMinutes: 5, targets: [{ type: 'user', id: users[2] }] },
    ],
  };
  await c.query(`INSERT INTO escalation_policies (id, name, team_id, repeat, steps, updated_at) VALUES ($1, 'bench', $2, 0, $3, now())`, [
    policyId,
    team,
    JSON.stringify(policy.steps),
  ]);
  await c.query(`INSERT INTO services (id, name, team_id, escalation_policy_id, noise, updated_at) VALUES ($1, 'bench', $2, $3, '{"storm":{"enabled":false}}', now())`, [service, team, policyId]);
  // due times spread evenly over the window, starting once setup is surely done
  const setupMs = 5_000 + opts.incidents;
  const dueAt = new Date(Date.now() + setupMs);
  const spacing = (opts.spreadSeconds * 1000) / opts.incidents;
  await c.query(`CREATE TABLE bench_due (incident_id uuid PRIMARY KEY, due timestamptz NOT NULL)`);
  await c.query(
    `WITH input AS (
       SELECT gen_random_uuid() AS id, g AS n, $3::timestamptz + make_interval(secs => (g * $4::float8) / 1000) AS due
         FROM generate_series(0, $2::int - 1) g
     ), incidents AS (
       INSERT INTO incidents (id, service_id, group_key_hash, open_group_key, group_key, title)
       SELECT id, $1, 'h' || n, 'h' || n, 'k' || n, 'bench ' || n FROM input
     ), due AS (
       INSERT INTO bench_due (incident_id, due) SELECT id, due FROM input
     )
     INSERT INTO incident_escalations (incident_id, policy_id, policy, urgency, cycle, step, generation, status, next_due_at)
     SELECT id, $5, $6::jsonb, 'high', 0, 1, 0, 'active', due FROM input`,
    [service, opts.incidents, dueAt, spacing, policyId, JSON.stringify(policy)],
  );
  return { dueAt };
}

async function count(c: pg.Client, sql: string): Promise<number> {
  const r = await c.query<{ n: number }>(sql);
  return r.rows[0]?.n ?? 0;
}
