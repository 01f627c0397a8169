// Insights benchmark (issue 23): one year of 100,000 incidents on 50 services of
// 10 teams, with alerts, escalations, pages and timelines (seeded with set-based
// SQL: generate_series), then the default 28-day report (GET /api/v1/insights's
// loads and core buildInsights, as the route runs them) for one team and for all
// teams, timed over many runs: goal p95 < 500 ms.
import { insightsFor } from '@heinrich/usecases/insights/get-insights';
import type { Context } from '@heinrich/usecases/context';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { createBenchDatabase } from './bench-database';
import { round } from './load';

export interface InsightsBenchOptions {
  adminDatabaseUrl: string;
  incidents: number;
  runs: number;
  /** a database seeded by an earlier run (BENCH_INSIGHTS_DB): no seeding, kept */
  reuseDatabaseUrl?: string | undefined;
  /** keep the seeded database and print its URL (BENCH_INSIGHTS_KEEP=1) */
  keepDatabase?: boolean;
}

const DAY = 86_400_000;

export async function insightsBench(opts: InsightsBenchOptions) {
  // BENCH_INSIGHTS_DB=<url of a database a previous run kept> skips the seeding (~65 s); BENCH_INSIGHTS_KEEP=1 keeps this run's
  const reuse = opts.reuseDatabaseUrl;
  const db = reuse ? { url: reuse, drop: async () => {} } : await createBenchDatabase(opts.adminDatabaseUrl);
  const keep = reuse !== undefined || opts.keepDatabase === true;
  // idle connections stay open for the whole run, so their backends' CPU time can be read (postgresCpuMs)
  const pool = new pg.Pool({ connectionString: db.url, max: 8, idleTimeoutMillis: 0 });
  try {
    const seedStart = Date.now();
    if (!reuse) await seed(pool, opts.incidents);
    const seedMs = Date.now() - seedStart;
    const team = (await pool.query<{ id: string }>(`SELECT id FROM teams ORDER BY name LIMIT 1`)).rows[0]!.id;
    const ctx = { db: { pool } } as unknown as Context;
    const now = new Date();
    const period = { from: now.getTime() - 28 * DAY, to: now.getTime() };
    const previous = { from: period.from - 28 * DAY, to: period.from };
    const measure = async (teamIds: string[] | null) => {
      const filter = { teamIds, withTeamless: teamIds === null, serviceId: null };
      const ask = { teamId: teamIds?.[0] ?? null, serviceId: null };
      await insightsFor(ctx, filter, period, previous, now, ask); // warm-up
      const ms: number[] = [];
      let report;
      const cpu0 = process.cpuUsage();
      const pg0 = await postgresCpuMs(pool);
      for (let i = 0; i < opts.runs; i++) {
        const t0 = process.hrtime.bigint();
        report = await insightsFor(ctx, filter, period, previous, now, ask);
        ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      const pg1 = await postgresCpuMs(pool);
      const cpu = process.cpuUsage(cpu0);
      ms.sort((a, b) => a - b);
      const at = (p: number) => round(ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)]!);
      const p = report!.pyramid;
      return {
        runs: ms.length,
        p50Ms: at(0.5),
        p95Ms: at(0.95),
        maxMs: round(ms.at(-1)!),
        goalP95Ms: 500,
        // CPU time per report, whatever else loads the machine: this process (load and build) and, when Postgres
        // runs on this machine, its backends serving the pool (read from /proc; null otherwise)
        cpuMsPerReport: {
          node: round((cpu.user + cpu.system) / 1000 / opts.runs),
          postgres: pg0 === null || pg1 === null ? null : round((pg1 - pg0) / opts.runs),
        },
        incidents: p.major + p.minor + p.nearMiss - p.nearMissReasons.flapRefires,
        pyramid: { major: p.major, minor: p.minor, nearMiss: p.nearMiss, deduplicated: p.deduplicated },
        people: report!.people.rows.length,
      };
    };
    return { incidents: opts.incidents, seedMs, oneTeam: await measure([team]), allTeams: await measure(null) };
  } finally {
    await pool.end();
    if (keep) console.error(`insights: kept the seeded database, BENCH_INSIGHTS_DB=${db.url}`);
    else await db.drop();
  }
}

/** CPU time (user + system, ms) of the Postgres backends of this database, read from /proc; null when Postgres is elsewhere. */
async function postgresCpuMs(pool: pg.Pool): Promise<number | null> {
  // keep the pool's connections open (and their backends alive) while they are read
  const pids = (await pool.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)).rows.map((r) => r.pid);
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of proc(5))
    } catch {
      return null;
    }
  }
  return (ticks * 1000) / CLOCK_TICKS;
}

/** USER_HZ of Linux (proc(5)): 100 on every common platform */
const CLOCK_TICKS = 100;

/**
 * 10 teams x 5 services, 50 people; n incidents evenly over the last 365 days, each with an alert, an escalation and a
 * timeline; every 50th flaps (a re-fire folded in), every 100th is re-opened by its flap.
 */
async function seed(pool: pg.Pool, n: number) {
  await pool.query(`INSERT INTO teams (id, name, updated_at) SELECT gen_random_uuid(), 'team ' || lpad(t::text, 2, '0'), now() FROM generate_series(1, 10) t`);
  await pool.query(
    `INSERT INTO services (id, name, team_id, updated_at)
     SELECT gen_random_uuid(), 'service ' || t.name || '/' || k, t.id, now() FROM teams t, generate_series(1, 5) k`,
  );
  await pool.query(
    `INSERT INTO users (id, name, email, time_zone, updated_at)
     SELECT gen_random_uuid(), 'user ' || k, 'user' || k || '@bench.example', (ARRAY['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'])[1 + k % 4], now()
       FROM generate_series(1, 50) k`,
  );
  // incident k: service k % 50, opened (365 days * k / n) ago; every 10th paged none (low urgency), every 7th escalated to step 2
  await pool.query(
    `WITH svc AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS r FROM services),
          usr AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS r FROM users)
     INSERT INTO incidents (id, service_id, group_key_hash, group_key, title, status, created_at, updated_at, resolved_at, resolved_by, acknowledged_at)
     SELECT gen_random_uuid(), svc.id, md5('g' || (k % 400)), 'g' || (k % 400), 'Alert' || (k % 40) || ' firing', 'resolved',
            now() - make_interval(secs => 31536000.0 * k / $1),
            now(), now() - make_interval(secs => 31536000.0 * k / $1) + make_interval(secs => 60 + (k % 120) * 30), 'system',
            CASE WHEN k % 2 = 0 THEN now() - make_interval(secs => 31536000.0 * k / $1) + make_interval(secs => 30 + k % 600) END
       FROM generate_series(1, $1::int) k JOIN svc ON svc.r = k % 50`,
    [n],
  );
  await pool.query(`CREATE TEMP TABLE bench_inc AS
    SELECT i.id, i.service_id, i.created_at, i.resolved_at, i.acknowledged_at, i.number,
           (SELECT u.id FROM users u ORDER BY u.email OFFSET (i.number % 50) LIMIT 1) AS user_id
      FROM incidents i`);
  await pool.query(
    `INSERT INTO alerts (id, service_id, incident_id, fingerprint, starts_at, ends_at, status, labels, receive_count, dedup_count, first_seen_at, last_seen_at)
     SELECT gen_random_uuid(), service_id, id, md5(id::text), created_at, resolved_at, 'resolved',
            jsonb_build_object('alertname', 'Alert' || (number % 40)), 1 + number % 5, number % 5, created_at, resolved_at FROM bench_inc`,
  );
  await pool.query(
    `INSERT INTO incident_escalations (incident_id, policy, urgency, status, created_at, updated_at)
     SELECT id, '{}'::jsonb, CASE WHEN number % 10 = 0 THEN 'low' ELSE 'high' END, 'stopped', created_at, resolved_at FROM bench_inc`,
  );
  await pool.query(
    `INSERT INTO notifications (id, incident_id, user_id, cycle, step, status, created_at, updated_at)
     SELECT gen_random_uuid(), id, user_id, 0, 0, 'sent', created_at, created_at FROM bench_inc WHERE number % 10 <> 0`,
  );
  await pool.query(
    `INSERT INTO incident_events (id, incident_id, type, message, actor, data, created_at)
     SELECT gen_random_uuid(), b.id, e.type, e.type, e.actor, e.data, e.at
       FROM bench_inc b CROSS JOIN LATERAL (VALUES
         ('opened', 'alertmanager', '{}'::jsonb, b.created_at, true),
         ('escalation_started', 'system', '{}'::jsonb, b.created_at, true),
         ('escalation_step', 'system', '{"cycle":0,"step":0,"pass":0}'::jsonb, b.created_at, true),
         ('notified', 'system', jsonb_build_object('userId', b.user_id, 'step', 0, 'cycle', 0), b.created_at + interval '5 seconds', b.number % 10 <> 0),
         ('escalation_step', 'system', '{"cycle":0,"step":1,"pass":0}'::jsonb, b.created_at + interval '10 minutes', b.number % 7 = 0),
         ('acknowledged', 'user:bench', '{}'::jsonb, b.acknowledged_at, b.acknowledged_at IS NOT NULL),
         ('dispatched', 'system', '{}'::jsonb, b.created_at, true),
         ('resolved', 'system', '{}'::jsonb, b.resolved_at, true),
         ('flapping_started', 'system', '{}'::jsonb, b.resolved_at, b.number % 50 = 0),
         ('flap_suppressed', 'system', '{}'::jsonb, b.resolved_at + interval '5 minutes', b.number % 50 = 0),
         ('flap_reopened', 'system', '{}'::jsonb, b.resolved_at + interval '10 minutes', b.number % 100 = 0)
       ) AS e(type, actor, data, at, keep)
      WHERE e.keep`,
  );
  await pool.query('ANALYZE');
}
