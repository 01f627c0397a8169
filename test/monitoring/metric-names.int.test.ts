// Every metric name the shipped alert rules (deploy/prometheus/heinrich-rules.yml)
// and the Grafana dashboard (deploy/grafana/heinrich.json) read is one a running
// api or worker exports: scrape both and compare (docs/monitoring.md). A selector
// that names its job (`job="heinrich-api"`) must find the metric on that process.
// Names come from the `# TYPE` lines, so a labelled series nothing has observed yet
// still counts; an alert is sent first anyway, so the ingest series have samples.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { alertmanagerPayload } from '../worker/fixture';
import { seedIntegrationKey } from '../worker/seed-integration-key';
import { startTestWorker, type TestWorker } from '../worker/start-test-worker';
import { dashboardExpressions, metricNames, ruleExpressions } from './promql-metric-names';

/** Prometheus' own series, present for every target it scrapes. */
const SCRAPE_SERIES = new Set(['up', 'scrape_duration_seconds', 'scrape_samples_scraped']);

/** The series names a /metrics text offers: histograms and summaries with their _bucket/_sum/_count. */
function exportedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      const [, name, kind] = type;
      names.add(name!);
      if (kind === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(`${name}${s}`);
      if (kind === 'summary') for (const s of ['_sum', '_count']) names.add(`${name}${s}`);
      continue;
    }
    const sampleName = /^([a-zA-Z_:][\w:]*)[{ ]/.exec(line);
    if (sampleName) names.add(sampleName[1]!);
  }
  return names;
}

/** `metric{..., job="X", ...}` selectors of an expression: the metric and the job it names. */
function jobSelectors(expr: string): { metric: string; job: string }[] {
  return [...expr.matchAll(/([a-zA-Z_:][\w:]*)\s*\{([^}]*)\}/g)].flatMap(([, metric, matchers]) => {
    const job = /\bjob\s*=\s*"([^"]+)"/.exec(matchers!);
    return job ? [{ metric: metric!, job: job[1]! }] : [];
  });
}

describe('the shipped rules and dashboard read only metrics the processes export', () => {
  let api: TestApi;
  let worker: TestWorker;
  const exported: Record<'heinrich-api' | 'heinrich-worker', Set<string>> = { 'heinrich-api': new Set(), 'heinrich-worker': new Set() };

  beforeAll(async () => {
    api = await startTestApi();
    // HEARTBEAT_URL set: the outbound heartbeat's metrics exist only then (nothing listens there; the
    // first ping would come after HEARTBEAT_INTERVAL_SECONDS, 60 s, and fail quietly)
    worker = await startTestWorker({ databaseUrl: api.databaseUrl, redisUrl: api.redisUrl, redisPrefix: api.redisPrefix, env: { HEARTBEAT_URL: 'http://127.0.0.1:9/heartbeat' } });
    const { secret } = await seedIntegrationKey(api.db);
    const res = await api.post('/api/v1/integrations/alertmanager', alertmanagerPayload('01-firing-initial-6-pods.json'), secret);
    expect(res.status).toBe(200);
    const apiMetrics = await fetch(`${api.baseUrl}/metrics`);
    expect(apiMetrics.status).toBe(200);
    exported['heinrich-api'] = exportedNames(await apiMetrics.text());
    exported['heinrich-worker'] = exportedNames(await worker.metricsText());
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('scrapes the metrics both processes are known by', () => {
    expect(exported['heinrich-api']).toContain('heinrich_http_request_duration_seconds_count');
    expect(exported['heinrich-api']).toContain('heinrich_alerts_received_total');
    expect(exported['heinrich-worker']).toContain('heinrich_outbox_backlog');
    expect(exported['heinrich-worker']).toContain('heinrich_deliveries_total');
    for (const job of ['heinrich-api', 'heinrich-worker'] as const) expect(exported[job]).toContain('heinrich_redis_up');
    expect(exported['heinrich-worker']).toContain('heinrich_queue_jobs');
    expect(exported['heinrich-worker']).toContain('heinrich_outbound_heartbeat_last_success_timestamp_seconds');
  });

  for (const [what, expressions] of [
    ['deploy/prometheus/heinrich-rules.yml', ruleExpressions()],
    ['deploy/grafana/heinrich.json', dashboardExpressions()],
  ] as const) {
    it(`${what}: every metric it reads is exported`, () => {
      const either = new Set([...exported['heinrich-api'], ...exported['heinrich-worker'], ...SCRAPE_SERIES]);
      const unknown = expressions.flatMap(({ name, expr }) => metricNames(expr).filter((m) => !either.has(m)).map((m) => `${name}: ${m}`));
      expect(unknown).toEqual([]);
      expect(expressions.flatMap(({ expr }) => metricNames(expr)).length).toBeGreaterThan(10);
    });

    it(`${what}: a metric selected by job is exported by that job's process`, () => {
      const wrong = expressions.flatMap(({ name, expr }) =>
        jobSelectors(expr)
          .filter(({ metric, job }) => metric !== 'up' && !(exported as Record<string, Set<string>>)[job]?.has(metric))
          .map(({ metric, job }) => `${name}: ${metric} is not exported by ${job}`),
      );
      expect(wrong).toEqual([]);
    });
  }
});
