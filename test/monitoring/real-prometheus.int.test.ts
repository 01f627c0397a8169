// End to end with the REAL Prometheus (/usr/bin/prometheus, Debian's package): it
// loads deploy/prometheus/heinrich-rules.yml, scrapes a running api and worker as
// job="heinrich-api" / job="heinrich-worker", and when the test stops its own worker
// (never the shared Redis or Postgres) HeinrichWorkerDown fires for that worker.
// The only change to the rules: every `for:` is cut to 2s, so the test does not
// wait minutes; the expressions, labels and annotations are the shipped ones.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { startTestApi, type TestApi } from '../support/api-server';
import { eventually } from '../worker/eventually';
import { freePort } from '../worker/free-port';
import { startTestWorker, type TestWorker } from '../worker/start-test-worker';

const PROMETHEUS_BIN = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
const havePrometheus = spawnSync(PROMETHEUS_BIN, ['--version'], { encoding: 'utf8' }).status === 0;
if (!havePrometheus) process.stderr.write(`test/monitoring/real-prometheus.int.test.ts: skipped, no Prometheus at ${PROMETHEUS_BIN} (Debian: apt-get install prometheus)\n`);

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

interface PromAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: 'pending' | 'firing';
}
interface PromTarget {
  labels: Record<string, string>;
  health: 'up' | 'down' | 'unknown';
}

describe.skipIf(!havePrometheus)('the real Prometheus with the shipped rules', () => {
  let api: TestApi;
  let worker: TestWorker | undefined;
  let prometheus: ChildProcess | undefined;
  let promUrl = '';
  let workerTarget = '';
  let log = '';
  const dir = mkdtempSync(join(tmpdir(), 'heinrich-prometheus-'));

  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${promUrl}${path}`);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    return ((await res.json()) as { data: T }).data;
  };
  const alerts = async () => (await get<{ alerts: PromAlert[] }>('/api/v1/alerts')).alerts;

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker({ databaseUrl: api.databaseUrl, redisUrl: api.redisUrl, redisPrefix: api.redisPrefix });
    workerTarget = new URL(worker.baseUrl).host;

    const rules = parse(readFileSync(join(root, 'deploy/prometheus/heinrich-rules.yml'), 'utf8')) as { groups: { interval?: string; rules: { for?: string }[] }[] };
    for (const group of rules.groups) {
      group.interval = '1s';
      for (const rule of group.rules) if (rule.for) rule.for = '2s';
    }
    writeFileSync(join(dir, 'heinrich-rules.yml'), stringify(rules));
    writeFileSync(
      join(dir, 'prometheus.yml'),
      stringify({
        global: { scrape_interval: '1s', scrape_timeout: '900ms', evaluation_interval: '1s' },
        rule_files: ['heinrich-rules.yml'],
        scrape_configs: [
          { job_name: 'heinrich-api', static_configs: [{ targets: [new URL(api.baseUrl).host] }] },
          { job_name: 'heinrich-worker', static_configs: [{ targets: [workerTarget] }] },
        ],
      }),
    );
    const port = await freePort();
    promUrl = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      PROMETHEUS_BIN,
      [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    prometheus.stdout!.on('data', (c: Buffer) => (log += c.toString('utf8')));
    prometheus.stderr!.on('data', (c: Buffer) => (log += c.toString('utf8')));
    await eventually('Prometheus to be ready', async () => (await fetch(`${promUrl}/-/ready`)).status === 200, { timeoutMs: 30_000, intervalMs: 200 }).catch((err: unknown) => {
      throw new Error(`${String(err)}\n${log}`);
    });
  }, 90_000);

  afterAll(async () => {
    if (prometheus?.exitCode === null) {
      const exited = new Promise((resolve) => prometheus!.once('exit', resolve));
      prometheus.kill('SIGTERM');
      await exited;
    }
    await worker?.close();
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads every shipped rule', async () => {
    const loaded = await get<{ groups: { rules: { name: string; health: string; lastError?: string }[] }[] }>('/api/v1/rules');
    const shipped = parse(readFileSync(join(root, 'deploy/prometheus/heinrich-rules.yml'), 'utf8')) as { groups: { rules: { alert: string }[] }[] };
    expect(loaded.groups.flatMap((g) => g.rules.map((r) => r.name)).sort()).toEqual(shipped.groups.flatMap((g) => g.rules.map((r) => r.alert)).sort());
  });

  it('scrapes api and worker, fires nothing while they run, and fires HeinrichWorkerDown once the worker is stopped', async () => {
    await eventually(
      'both targets up',
      async () => {
        const { activeTargets } = await get<{ activeTargets: PromTarget[] }>('/api/v1/targets');
        return activeTargets.length === 2 && activeTargets.every((t) => t.health === 'up');
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    // a few evaluations with both up: no rule is unhealthy and nothing is pending or firing
    await new Promise((r) => setTimeout(r, 3_000));
    const rules = await get<{ groups: { rules: { name: string; health: string; lastError?: string }[] }[] }>('/api/v1/rules');
    expect(rules.groups.flatMap((g) => g.rules).filter((r) => r.health === 'err')).toEqual([]);
    expect(await alerts()).toEqual([]);

    await worker!.close();
    worker = undefined;

    const firing = await eventually(
      'HeinrichWorkerDown to fire',
      async () => (await alerts()).find((a) => a.labels.alertname === 'HeinrichWorkerDown' && a.state === 'firing'),
      { timeoutMs: 45_000, intervalMs: 250 },
    );
    expect(firing.labels).toMatchObject({ job: 'heinrich-worker', instance: workerTarget, severity: 'critical' });
    expect(firing.annotations.summary).toBe(`Heinrich worker ${workerTarget} is down`);
    expect(firing.annotations.runbook_url).toBe('docs/operations.md#heinrichworkerdown');
    // the api still runs: it does not fire
    expect((await alerts()).filter((a) => a.labels.alertname === 'HeinrichApiDown')).toEqual([]);
  }, 90_000);
});
