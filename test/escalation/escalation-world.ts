// A running Heinrich for escalation scenarios: the real api and the real worker
// runtime in this process on one database and Redis prefix, both on a test
// clock that stands still until the test moves it. Steps fall due only when the
// clock moves; the test then runs the engine's due-work pass itself (as the
// sweeper of any worker would). The worker's own sweeper is left idle.
import { randomUUID } from 'node:crypto';
import { createProducerRedis, createQueue } from '@heinrich/jobs/create-queue';
import { ESCALATIONS_QUEUE } from '@heinrich/jobs/queues';
import { bullmqEscalationScheduler } from '@heinrich/usecases/escalation/escalation-scheduler';
import { sweepDueEscalations, type SweepOutcome } from '@heinrich/usecases/escalation/sweep-due-escalations';
import type { Queue } from 'bullmq';
import { expect } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { eventually } from '../worker/eventually';
import { startTestWorker, type TestWorker } from '../worker/start-test-worker';
import { TestClock } from './test-clock';

export interface Person {
  id: string;
  name: string;
}

export interface Page {
  userId: string;
  cycle: number;
  step: number;
  status: string;
  allowVoice: boolean;
}

export interface EscalationWorld {
  api: TestApi;
  /** null with `inProcessWorker: false` (the test runs worker processes of its own) */
  worker: TestWorker | null;
  clock: TestClock;
  escalationQueue: Queue;
  team: { id: string; name: string };
  people: Record<'alice' | 'bob' | 'carol' | 'dave' | 'lena', Person>;
  /** the due-work pass, with no grace: every step due by the clock runs now */
  runDue(): Promise<SweepOutcome>;
  /** a weekly schedule with `members` rotating from 2026-03-16 09:00 Berlin, optionally only at night (nobody in the daytime) */
  schedule(members: Person[], opts?: { nightsOnly?: boolean }): Promise<string>;
  policy(steps: { delayMinutes: number; targets: { type: string; id: string }[] }[], repeat?: number): Promise<string>;
  /** a service with an events integration key; returns its key */
  service(opts: { policyId: string | null; urgency?: 'high' | 'low' | 'bySeverity'; ackTimeoutMinutes?: number | null; /** services.noise (e.g. storm mode off for tests opening many incidents) */ noise?: unknown }): Promise<{ id: string; key: string }>;
  /** triggers an alert through the events API; returns the incident, once the worker has begun escalating it */
  trigger(key: string, severity?: string): Promise<{ id: string; number: number }>;
  pages(incidentId: string): Promise<Page[]>;
  timeline(incidentId: string, types?: string[]): Promise<{ type: string; message: string; data: Record<string, unknown> }[]>;
  escalation(incidentId: string): Promise<{ status: string; cycle: number; step: number; generation: number; nextDueAt: Date | null } | undefined>;
  close(): Promise<void>;
}

/** Monday 2026-03-16 10:00 UTC (11:00 in Berlin): daytime */
export const START = '2026-03-16T10:00:00.000Z';

export async function startEscalationWorld(
  opts: {
    redisUrl?: string;
    workerEnv?: Record<string, string>;
    /** false: no worker in this process (the test starts worker processes) */
    inProcessWorker?: boolean;
    /** the real clock instead of the test clock (for worker processes, which have only the real one) */
    realClock?: boolean;
    /** extra api environment (e.g. Twilio credentials) */
    apiEnv?: Record<string, string>;
  } = {},
): Promise<EscalationWorld> {
  const clock = new TestClock(opts.realClock ? 'real' : START);
  const api = await startTestApi({ now: clock.now, ...(opts.redisUrl ? { redisUrl: opts.redisUrl } : {}), ...(opts.apiEnv ? { env: opts.apiEnv } : {}) });
  const worker =
    opts.inProcessWorker === false
      ? null
      : await startTestWorker({
          databaseUrl: api.databaseUrl,
          redisUrl: api.redisUrl,
          redisPrefix: api.redisPrefix,
          now: clock.now,
          env: { ESCALATION_SWEEP_INTERVAL_MS: '3600000', ...opts.workerEnv },
        });
  const redis = createProducerRedis(api.redisUrl);
  redis.on('error', () => {});
  const escalationQueue = createQueue(ESCALATIONS_QUEUE, redis, api.redisPrefix);
  escalationQueue.on('error', () => {});
  const scheduler = bullmqEscalationScheduler(escalationQueue, api.ctx.logger, clock.now);
  const sweepCtx = { ...api.ctx, now: clock.now };

  const ok = async (res: Promise<{ status: number; body: { id?: string } & Record<string, unknown> }>, what: string) => {
    const r = await res;
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const team = (await ok(api.admin('POST', '/api/v1/teams', { name: `team-${randomUUID().slice(0, 8)}` }), 'team')) as { id: string; name: string };
  const people = {} as EscalationWorld['people'];
  for (const name of ['alice', 'bob', 'carol', 'dave', 'lena'] as const) {
    const user = await api.db.prisma.user.create({ data: { name: name[0]!.toUpperCase() + name.slice(1), email: `${name}-${randomUUID().slice(0, 8)}@example.test` } });
    await api.db.prisma.teamMember.create({ data: { teamId: team.id, userId: user.id, role: name === 'lena' ? 'lead' : 'responder' } });
    people[name] = { id: user.id, name: user.name };
  }

  const db = api.db;
  return {
    api,
    worker,
    clock,
    escalationQueue,
    team,
    people,
    async runDue() {
      const outcome = await sweepDueEscalations(sweepCtx, { graceMs: 0, scheduler });
      expect(outcome.status).toBe('done');
      return outcome;
    },
    async schedule(members, o = {}) {
      const body = await ok(
        api.admin('POST', '/api/v1/schedules', {
          name: `schedule-${randomUUID().slice(0, 8)}`,
          teamId: team.id,
          timeZone: 'Europe/Berlin',
          layers: [
            {
              name: o.nightsOnly ? 'Nights' : 'Weekly',
              members: members.map((m) => m.id),
              rotation: { type: 'weekly', shiftLength: 1 },
              start: '2026-03-16T09:00:00+01:00',
              ...(o.nightsOnly ? { restrictions: [{ type: 'daily', start: '22:00', end: '06:00' }] } : {}),
            },
          ],
        }),
        'schedule',
      );
      return body.id as string;
    },
    async policy(steps, repeat = 0) {
      const body = await ok(api.admin('POST', '/api/v1/escalation-policies', { name: `policy-${randomUUID().slice(0, 8)}`, teamId: team.id, repeat, steps }), 'policy');
      return body.id as string;
    },
    async service(o) {
      const svc = await ok(
        api.admin('POST', '/api/v1/services', {
          name: `svc-${randomUUID().slice(0, 8)}`,
          teamId: team.id,
          escalationPolicyId: o.policyId,
          urgency: o.urgency ?? 'high',
          ackTimeoutMinutes: o.ackTimeoutMinutes ?? null,
          ...(o.noise ? { noise: o.noise } : {}),
        }),
        'service',
      );
      const key = await ok(api.admin('POST', `/api/v1/services/${svc.id}/integration-keys`, { type: 'events' }), 'integration key');
      return { id: svc.id as string, key: key.key as string };
    },
    async trigger(key, severity = 'critical') {
      const res = await api.post('/api/v1/integrations/events', {
        routing_key: key,
        event_action: 'trigger',
        dedup_key: randomUUID(),
        payload: { summary: 'Disk full', source: 'db-1', severity },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      const number = res.body.incident_number as number;
      const { id } = await db.prisma.incident.findUniqueOrThrow({ where: { number }, select: { id: true } });
      // the worker has handled incident.opened: started, or said why not
      await eventually(`the escalation of #${number} to begin`, async () => {
        const r = await db.pool.query(`SELECT 1 FROM incident_events WHERE incident_id = $1 AND type IN ('escalation_started', 'escalation_not_started')`, [id]);
        return r.rowCount === 1;
      });
      return { id, number };
    },
    async pages(incidentId) {
      const r = await db.pool.query<Page>(
        `SELECT user_id AS "userId", cycle, step, status::text AS status, allow_voice AS "allowVoice" FROM notifications WHERE incident_id = $1 ORDER BY cycle, step, created_at, user_id`,
        [incidentId],
      );
      return r.rows;
    },
    async timeline(incidentId, types) {
      const r = await db.pool.query<{ type: string; message: string; data: Record<string, unknown> }>(
        `SELECT type, message, data FROM incident_events WHERE incident_id = $1 AND ($2::text[] IS NULL OR type = ANY($2)) ORDER BY seq`,
        [incidentId, types ?? null],
      );
      return r.rows;
    },
    async escalation(incidentId) {
      const r = await db.pool.query(
        `SELECT status::text AS status, cycle, step, generation, next_due_at AS "nextDueAt" FROM incident_escalations WHERE incident_id = $1`,
        [incidentId],
      );
      return r.rows[0];
    },
    async close() {
      await worker?.close();
      await escalationQueue.obliterate({ force: true }).catch(() => {});
      await escalationQueue.close().catch(() => {});
      redis.disconnect();
      await api.close();
    },
  };
}
