// A worker process killed with SIGKILL while it sends pages (issue 14): real
// worker processes (`node apps/worker/src/main.ts`, as production runs them) on
// real Postgres and Redis, the real api, webhook receivers on loopback. Killed
// mid-request, before the request reaches the receiver, and after the receiver
// answered but before the row is marked sent: after a restart every page goes
// out (again: the receiver may get it twice, with the same Idempotency-Key) and
// every delivery ends `sent`. Never lost: the claim's lease expires and the
// dispatcher queues it again; the job BullMQ re-runs does not complete while the
// lease is live. Each test says how long after the restart the page arrived.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startEscalationWorld, type EscalationWorld } from '../escalation/escalation-world';
import { spawnWorkerProcess, type WorkerProcess } from '../escalation/spawn-worker-process';
import { deliveryQueuesCleanup } from '../support/delivery-queues';
import { eventually } from '../worker/eventually';

const PUBLIC_URL = 'https://heinrich.example.com';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn().catch(() => {});
});

interface Call {
  at: number;
  headers: IncomingHttpHeaders;
  body: { deliveryId: string; incident: { id: string; number: number; title: string } };
}

/** A webhook receiver on 127.0.0.1 that records every call and lets the test answer it (`answer`). */
async function startReceiver(answer: (call: Call, res: ServerResponse, req: IncomingMessage) => void): Promise<{ url: string; server: Server; calls: Call[] }> {
  const calls: Call[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const call = { at: Date.now(), headers: req.headers, body: JSON.parse(body) as Call['body'] };
      calls.push(call);
      answer(call, res, req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, server, calls };
}

interface Setup {
  w: EscalationWorld;
  spawn(): WorkerProcess;
  /** a service whose policy pages Alice at once, on her webhook method `url` */
  key: string;
}

async function setup(url: string): Promise<Setup> {
  const w = await startEscalationWorld({ inProcessWorker: false, realClock: true });
  cleanup.push(() => w.close());
  cleanup.push(deliveryQueuesCleanup(w.api.redisUrl, w.api.redisPrefix));
  const env = {
    DATABASE_URL: w.api.databaseUrl,
    REDIS_URL: w.api.redisUrl,
    REDIS_PREFIX: w.api.redisPrefix,
    PUBLIC_URL,
    // the receivers are on loopback while PUBLIC_URL is not (docs/configuration.md)
    WEBHOOK_ALLOW_PRIVATE: 'true',
    LOG_LEVEL: 'info',
    OUTBOX_RELAY_INTERVAL_MS: '200',
    OUTBOX_STALE_AFTER_MS: '500',
    ESCALATION_SWEEP_INTERVAL_MS: '200',
    ESCALATION_SWEEP_GRACE_MS: '1000',
    // the defaults for delivery: DELIVERY_LEASE_MS 30 s, DELIVERY_SWEEP_INTERVAL_MS 5 s, DELIVERY_LOST_AFTER_MS 30 s
  };
  const spawn = (): WorkerProcess => {
    const proc = spawnWorkerProcess(env);
    cleanup.push(() => proc.kill9());
    return proc;
  };
  const alice = w.people.alice;
  const m = await w.api.admin('POST', `/api/v1/users/${alice.id}/contact-methods`, { type: 'webhook', value: url });
  expect(m.status).toBe(201);
  expect((await w.api.admin('POST', `/api/v1/users/${alice.id}/notification-rules`, { contactMethodId: m.body.id, delayMinutes: 0 })).status).toBe(201);
  const policyId = await w.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: alice.id }] }]);
  return { w, spawn, key: (await w.service({ policyId })).key };
}

async function deliveryRows(w: EscalationWorld, incidentIds: string[]) {
  const r = await w.api.db.pool.query<{ id: string; incidentId: string; status: string; attempts: number; history: { status: string; error?: string }[] }>(
    `SELECT d.id, n.incident_id AS "incidentId", d.status::text AS status, d.attempts, d.history
       FROM deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.incident_id = ANY($1::uuid[])`,
    [incidentIds],
  );
  return r.rows;
}

/** every incident's delivery `sent` (with a deadline: a lost page never gets there) */
async function allSent(w: EscalationWorld, incidentIds: string[], timeoutMs: number) {
  return eventually(
    'every delivery sent',
    async () => {
      const rows = await deliveryRows(w, incidentIds);
      return rows.length === incidentIds.length && rows.every((d) => d.status === 'sent') ? rows : undefined;
    },
    { timeoutMs, intervalMs: 250 },
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a worker killed with SIGKILL while sending pages', () => {
  it('5 pages at once to a receiver that takes 4 s to answer, killed 2 s into the sends, restarted 3 s later: every page arrives', { timeout: 300_000 }, async () => {
    const receiver = await startReceiver((_call, res) => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 4_000);
    });
    const { w, spawn, key } = await setup(receiver.url);
    const first = spawn();
    const incidents = await Promise.all(Array.from({ length: 5 }, () => w.trigger(key)));
    const ids = incidents.map((i) => i.id);

    await eventually('the sends to start', async () => receiver.calls.length > 0, { timeoutMs: 60_000 });
    await sleep(2_000);
    const atKill = await deliveryRows(w, ids);
    await first.kill9();
    await sleep(3_000);
    const restartAt = Date.now();
    const second = spawn();

    const rows = await allSent(w, ids, 180_000);
    const sentAfter = Date.now() - restartAt;
    for (const incident of incidents) {
      const calls = receiver.calls.filter((c) => c.body.incident.id === incident.id);
      expect(calls.length).toBeGreaterThanOrEqual(1);
      const row = rows.find((d) => d.incidentId === incident.id)!;
      // a repeat is the same delivery: the same Idempotency-Key, the incident's title and number in the body
      for (const c of calls) {
        expect(c.headers['idempotency-key']).toBe(row.id);
        expect(c.body.incident).toMatchObject({ number: incident.number, title: 'Disk full' });
      }
    }
    const resent = receiver.calls.filter((c) => c.at >= restartAt);
    console.info(
      `kill mid-request: at the kill ${atKill.map((d) => d.status).join(', ')}; ${receiver.calls.length} calls in all, ${resent.length} after the restart; ` +
        `first page after the restart +${Math.min(...resent.map((c) => c.at - restartAt))} ms, last +${Math.max(...resent.map((c) => c.at - restartAt))} ms; all sent +${sentAfter} ms`,
    );
    // the worker's line for each page names the incident: number, title, link
    await eventually('the log lines', async () => {
      const lines = second
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.msg === 'page sent');
      return incidents.every((i) => lines.some((l) => l.incidentNumber === i.number && l.title === 'Disk full' && l.link === `${PUBLIC_URL}/incidents/${i.number}` && l.channel === 'webhook'));
    });
    expect(second.output()).not.toMatch(/"level":"(error|fatal)"/);
  });

  it('killed before the request reaches the receiver (as it connects): the page is sent after the restart', { timeout: 240_000 }, async () => {
    let victim: WorkerProcess | undefined;
    let killedAt = 0;
    const receiver = await startReceiver((_call, res) => res.writeHead(200).end('{}'));
    // the first connection: the worker dies before a byte of the request is read
    receiver.server.on('connection', (socket) => {
      if (!victim) return;
      const proc = victim;
      victim = undefined;
      socket.destroy();
      killedAt = Date.now();
      void proc.kill9();
    });
    const { w, spawn, key } = await setup(receiver.url);
    victim = spawn();
    const first = victim;
    const incident = await w.trigger(key);
    await eventually('the worker killed as it connects', async () => killedAt > 0, { timeoutMs: 60_000 });
    await first.exit;
    expect(receiver.calls).toHaveLength(0);
    await sleep(3_000);
    const restartAt = Date.now();
    spawn();

    const [row] = await allSent(w, [incident.id], 180_000);
    const calls = receiver.calls.filter((c) => c.body.incident.id === incident.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers['idempotency-key']).toBe(row!.id);
    // queued again by the dispatcher, or taken over by the job BullMQ re-ran, whichever came first
    expect(row!.history.map((h) => h.status).slice(0, 2)).toEqual(['queued', 'sending']);
    expect(row!.history.at(-1)!.status).toBe('sent');
    expect(row!.history.map((h) => h.error)).toEqual(expect.arrayContaining([expect.stringMatching(/^lease expired: /)]));
    console.info(`kill before the request: the page arrived +${calls[0]!.at - restartAt} ms after the restart (${calls[0]!.at - killedAt} ms after the kill)`);
  });

  it('killed after the receiver answered, before the row is marked sent: the page is sent again, with the same Idempotency-Key', { timeout: 240_000 }, async () => {
    // the test's own connection holds the delivery's row lock, so the worker's "sent" UPDATE waits on it
    const locker: { client?: pg.Client } = {};
    let held: Promise<void> | undefined;
    let holding = false;
    const receiver = await startReceiver((call, res) => {
      if (held || receiver.calls.length > 1) {
        res.writeHead(200).end('{}');
        return;
      }
      held = (async () => {
        await locker.client!.query('BEGIN');
        await locker.client!.query('SELECT 1 FROM deliveries WHERE id = $1 FOR UPDATE', [call.body.deliveryId]);
        holding = true;
        res.writeHead(200).end('{}');
      })();
    });
    const { w, spawn, key } = await setup(receiver.url);
    const lock = new pg.Client({ connectionString: w.api.databaseUrl });
    await lock.connect();
    cleanup.push(() => lock.end());
    locker.client = lock;
    const first = spawn();
    const incident = await w.trigger(key);

    await eventually('the receiver to answer with the row locked', async () => holding, { timeoutMs: 60_000 });
    await eventually('the worker waiting to mark it sent', async () => {
      const r = await w.api.db.pool.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE deliveries SET status%'`,
      );
      return (r.rowCount ?? 0) > 0;
    });
    await first.kill9();
    const killedAt = Date.now();
    await lock.query('ROLLBACK');
    await sleep(3_000);
    const restartAt = Date.now();
    spawn();

    const [row] = await allSent(w, [incident.id], 180_000);
    const calls = receiver.calls.filter((c) => c.body.incident.id === incident.id);
    // the receiver got it before the kill and once more: a repeat it can drop by its key
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => c.headers['idempotency-key'])).toEqual([row!.id, row!.id]);
    expect(row!.history.filter((h) => h.status === 'sent')).toHaveLength(1);
    console.info(`kill after the answer: sent again +${calls[1]!.at - restartAt} ms after the restart (${calls[1]!.at - killedAt} ms after the kill)`);
  });
});
