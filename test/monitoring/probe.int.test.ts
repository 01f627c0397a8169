// The synthetic end-to-end probe (issue 20 §4, docs/monitoring.md "Synthetic probe"),
// over real HTTP: the worker sends the probe alert to the api's Events API
// ingest with the probe's integration key, the pipeline pages the probe user,
// whose webhook is the api's own /api/v1/probe/deliveries; the round trip is
// recorded in Postgres and read back on the worker's /metrics. A worker that
// delivers nothing fails the run at the timeout. Probe incidents stay out of the
// default incident list and the incidents-opened count. The probe runner is
// woken by the test (runtime.probe.wake()); the decision reads the worker's clock.
import { buildSenders } from '@heinrich/providers/build-senders';
import { webhookSignature } from '@heinrich/providers/webhook-sender';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { eventually } from '../worker/eventually';
import { startTestWorker, type TestWorker } from '../worker/start-test-worker';

/** A sample's value in a /metrics text (undefined: no such sample). */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

interface RunRow {
  status: string;
  received_at: Date | null;
  resolved_at: Date | null;
  incident_id: string | null;
  error: string | null;
}

async function runs(api: TestApi): Promise<RunRow[]> {
  return (await api.db.pool.query<RunRow>(`SELECT status, received_at, resolved_at, incident_id, error FROM probe_runs ORDER BY sent_at`)).rows;
}

describe('probe disabled (the default)', () => {
  let api: TestApi;
  let worker: TestWorker;
  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker({ databaseUrl: api.databaseUrl, redisUrl: api.redisUrl, redisPrefix: api.redisPrefix, env: { PUBLIC_URL: api.baseUrl } });
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('creates nothing and says so on /metrics', async () => {
    expect(worker.runtime.probe).toBeUndefined();
    const text = await worker.metricsText();
    expect(sample(text, 'heinrich_probe_enabled')).toBe(0);
    expect(sample(text, 'heinrich_probe_last_success_timestamp_seconds')).toBe(0);
    const counts = await api.db.pool.query<{ probes: number; services: number; users: number }>(
      `SELECT (SELECT count(*) FROM probe)::int AS probes, (SELECT count(*) FROM services WHERE is_probe)::int AS services, (SELECT count(*) FROM users WHERE is_probe)::int AS users`,
    );
    expect(counts.rows[0]).toEqual({ probes: 0, services: 0, users: 0 });
    expect((await api.request('POST', '/api/v1/probe/deliveries', { type: 'incident.page', incident: { id: crypto.randomUUID() } })).status).toBe(401);
  });
});

describe('probe enabled, the pipeline working', () => {
  let api: TestApi;
  let worker: TestWorker;
  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker({
      databaseUrl: api.databaseUrl,
      redisUrl: api.redisUrl,
      redisPrefix: api.redisPrefix,
      env: { PUBLIC_URL: api.baseUrl, PROBE_ENABLED: 'true', DELIVERY_BACKOFF_MS: '50', WEBHOOK_TIMEOUT_MS: '2000' },
      senders: (config, logger) => buildSenders(config, logger),
    });
  }, 60_000);
  afterAll(async () => {
    for (const q of worker?.runtime.delivery?.queues.values() ?? []) await q.obliterate({ force: true }).catch(() => {});
    await worker?.close();
    await api?.close();
  });

  it('records a round trip, exports it, resolves the probe incident, and keeps it out of the default list and the counts', async () => {
    const probe = worker.runtime.probe!;
    expect(probe).toBeDefined();
    await probe.wake();
    // the page reached the api through ingest, outbox, escalation and webhook delivery
    await eventually('the probe webhook to reach the api', async () => {
      const r = await runs(api);
      return r.length === 1 && r[0]!.received_at !== null;
    });
    // judged by the next pass (the runner's own timer may have run it already)
    await probe.wake();
    const [judged] = await runs(api);
    expect(judged).toMatchObject({ status: 'succeeded', error: null });
    expect(judged!.resolved_at).not.toBeNull();

    const text = await worker.metricsText();
    expect(sample(text, 'heinrich_probe_enabled')).toBe(1);
    expect(sample(text, 'heinrich_probe_last_success_timestamp_seconds')).toBeCloseTo(judged!.received_at!.getTime() / 1000, 3);
    expect(sample(text, 'heinrich_probe_round_trip_seconds_count')).toBe(1);
    expect(sample(text, 'heinrich_probe_failures_total')).toBe(0);

    // the page went to the api's own probe endpoint, signed, and nowhere else
    const deliveries = await api.db.pool.query<{ channel: string; target: string; status: string }>(`SELECT channel, target, status FROM deliveries`);
    expect(deliveries.rows).toEqual([{ channel: 'webhook', target: `${api.baseUrl}/api/v1/probe/deliveries`, status: 'sent' }]);

    // not in the default incident list (API and so the UI), nor counted as opened; shown when asked for
    expect((await api.admin('GET', '/api/v1/incidents')).body.items).toEqual([]);
    const only = await api.admin('GET', '/api/v1/incidents?probe=only');
    expect(only.body.items).toHaveLength(1);
    expect(only.body.items[0]).toMatchObject({ id: judged!.incident_id, serviceName: 'Heinrich probe' });
    // the resolve went through ingest too
    await eventually('the probe incident to be resolved', async () => (await api.admin('GET', '/api/v1/incidents?probe=include')).body.items[0]?.status === 'resolved');
    const apiMetrics = (await api.request('GET', '/metrics')).body as string;
    expect(apiMetrics).not.toMatch(/^heinrich_incidents_opened_total\{source="events"\} [1-9]/m);
    // the probe's person-shaped rows are not a user anyone sees, and its service cannot be deleted by accident
    expect(((await api.admin('GET', '/api/v1/users')).body.items as { name: string }[]).map((u) => u.name)).not.toContain('Heinrich probe');
    const service = await api.db.pool.query<{ id: string }>(`SELECT service_id AS id FROM probe`);
    const del = await api.admin('DELETE', `/api/v1/services/${service.rows[0]!.id}`);
    expect(del.status).toBe(409);
    expect(del.body.error.message).toContain('probe');
  });

  it('refuses a probe webhook without a valid signature, and a bad body after a good one is a 400', async () => {
    const body = { type: 'incident.page', incident: { id: crypto.randomUUID() } };
    expect((await api.request('POST', '/api/v1/probe/deliveries', body)).status).toBe(401);
    expect((await api.request('POST', '/api/v1/probe/deliveries', body, { 'content-type': 'application/json', 'x-heinrich-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` })).status).toBe(401);
    // signed with the probe webhook's own secret, as the worker signs
    const secret = (await api.db.pool.query<{ s: string }>(`SELECT m.signing_secret AS s FROM probe p JOIN contact_methods m ON m.id = p.contact_method_id`)).rows[0]!.s;
    const signed = (raw: string) => ({ 'content-type': 'application/json', 'x-heinrich-signature': webhookSignature(secret, raw, new Date()) });
    const bad = JSON.stringify({ type: 'incident.page', incident: { id: 'nope' } });
    const refused = await api.request('POST', '/api/v1/probe/deliveries', bad, signed(bad));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('incident.id');
    // a page about an incident that is not the probe's: accepted, nothing recorded
    const other = JSON.stringify(body);
    const ignored = await api.request('POST', '/api/v1/probe/deliveries', other, signed(other));
    expect(ignored).toMatchObject({ status: 200, body: { recorded: false } });
  });
});

describe('probe enabled, the worker delivering nothing', () => {
  let api: TestApi;
  let worker: TestWorker;
  let offsetMs = 0;
  beforeAll(async () => {
    api = await startTestApi();
    // no senders: this worker runs ingest's follow-up and escalation, but delivers no page
    worker = await startTestWorker({
      databaseUrl: api.databaseUrl,
      redisUrl: api.redisUrl,
      redisPrefix: api.redisPrefix,
      now: () => new Date(Date.now() + offsetMs),
      env: { PUBLIC_URL: api.baseUrl, PROBE_ENABLED: 'true', PROBE_INTERVAL_SECONDS: '300', PROBE_TIMEOUT_SECONDS: '120' },
    });
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('counts a failure at the timeout and no success timestamp advances', async () => {
    const probe = worker.runtime.probe!;
    await probe.wake();
    expect((await runs(api)).map((r) => r.status)).toEqual(['pending']);
    await probe.wake();
    expect((await runs(api)).map((r) => r.status)).toEqual(['pending']);
    offsetMs = 120_000;
    await probe.wake();
    const [failed] = await runs(api);
    expect(failed).toMatchObject({ status: 'failed', received_at: null, error: 'no probe webhook within 120 s of the alert' });
    expect(failed!.resolved_at).not.toBeNull();
    const text = await worker.metricsText();
    expect(sample(text, 'heinrich_probe_failures_total')).toBe(1);
    expect(sample(text, 'heinrich_probe_round_trip_seconds_count')).toBe(0);
    expect(sample(text, 'heinrich_probe_last_success_timestamp_seconds')).toBe(0);
    // the next run starts only once the interval passed since the last one was sent
    offsetMs = 300_000;
    await probe.wake();
    expect((await runs(api)).map((r) => r.status)).toEqual(['failed', 'pending']);
  });
});
