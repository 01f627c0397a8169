// The outbound heartbeat (issue 20 §3, docs/monitoring.md "Outbound heartbeat"): the real
// worker runtime, with HEARTBEAT_URL_FILE naming a local receiver and a 1 s interval, pings
// while the pipeline is healthy and stops once Redis (a redis-server of this file's own,
// SIGKILLed; never the shared one) is unreachable, then pings again when it is back. The api
// on the same Redis shows heinrich_redis_up going to 0 as well.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { eventually } from '../worker/eventually';
import { startOwnRedisServer, type OwnRedisServer } from '../worker/own-redis-server';
import { sample, startTestWorker, type TestWorker } from '../worker/start-test-worker';

/** A labelled sample's value in Prometheus text, e.g. `heinrich_outbound_heartbeat_failures_total{reason="redis"}`. */
function labelled(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

describe('outbound heartbeat', () => {
  let redis: OwnRedisServer;
  let api: TestApi;
  let worker: TestWorker;
  let receiver: Server;
  let dir: string;
  const pings: { method: string; path: string }[] = [];

  beforeAll(async () => {
    redis = await startOwnRedisServer();
    receiver = createServer((req, res) => {
      pings.push({ method: req.method ?? '', path: req.url ?? '' });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    // the URL is a secret: given as a file, as a mounted Kubernetes Secret would be
    dir = mkdtempSync(join(tmpdir(), 'heinrich-outbound-heartbeat-'));
    const urlFile = join(dir, 'heartbeat-url');
    writeFileSync(urlFile, `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/ping/hb_secret-token\n`);
    api = await startTestApi({ redisUrl: redis.url });
    worker = await startTestWorker({
      databaseUrl: api.databaseUrl,
      redisUrl: redis.url,
      redisPrefix: api.redisPrefix,
      env: { HEARTBEAT_URL_FILE: urlFile, HEARTBEAT_INTERVAL_SECONDS: '1' },
    });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.stop();
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('pings HEARTBEAT_URL while healthy, none once Redis is unreachable, and again once it is back', async () => {
    // healthy: Postgres and Redis answer, nothing lags, the runtime's own BullMQ workers consume
    await eventually('two pings while healthy', async () => pings.length >= 2);
    expect(pings[0]).toEqual({ method: 'POST', path: '/ping/hb_secret-token' });
    const healthy = await worker.metricsText();
    expect(sample(healthy, 'heinrich_redis_up')).toBe(1);
    expect(sample(healthy, 'heinrich_outbound_heartbeat_last_success_timestamp_seconds')).toBeGreaterThan(0);
    expect(labelled(healthy, 'heinrich_outbound_heartbeat_failures_total{reason="redis"}')).toBe(0);
    expect(healthy).toMatch(/^heinrich_queue_jobs\{queue="incident-events",state="waiting"\} 0$/m);

    await redis.stop();
    // the first pass that found Redis down; a pass that judged before the kill may still ping once
    const first = await eventually('a pass to find Redis unreachable', async () => {
      const n = labelled(await worker.metricsText(), 'heinrich_outbound_heartbeat_failures_total{reason="redis"}');
      return n >= 1 && n;
    });
    const pingsAtOutage = pings.length;
    // three more passes, every one judging Redis unreachable: not one ping
    await eventually(
      'three more passes with Redis down',
      async () => labelled(await worker.metricsText(), 'heinrich_outbound_heartbeat_failures_total{reason="redis"}') >= first + 3,
      { timeoutMs: 60_000 },
    );
    expect(pings.length).toBe(pingsAtOutage);
    const down = await worker.metricsText();
    expect(sample(down, 'heinrich_redis_up')).toBe(0);
    expect(down).not.toMatch(/^heinrich_queue_jobs\{/m);
    const apiDown = await fetch(`${api.baseUrl}/metrics`).then((r) => r.text());
    expect(sample(apiDown, 'heinrich_redis_up')).toBe(0);

    await redis.start();
    await eventually('a ping once Redis is back', async () => pings.length > pingsAtOutage, { timeoutMs: 60_000 });
    expect(sample(await worker.metricsText(), 'heinrich_redis_up')).toBe(1);
  });
});
