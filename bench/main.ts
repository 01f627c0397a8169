// `npm run bench`: Heinrich's benchmarks, one JSON document on stdout (and in
// bench/results/latest.json). Speed and memory are measured here, never by
// timed assertions in tests. Needs Postgres and Redis like the tests
// (BENCH_DATABASE_URL / BENCH_REDIS_URL, else the local defaults).
// BENCH_QUICK=1 shortens every run (for a smoke check, not for numbers).
// `npm run bench -- <suite>...` runs only those suites (ingest, schedules,
// escalation, delivery, insights (100,000 incidents over a year, the 28-day report, ~1 min); ingest.storm10x, ~2 min, ingest.routing (routing key with
// 20 routes vs the service key, 3 interleaved runs each), and startup, the start-up
// times and runtime node_modules size, ~2 min, run only when named) and
// writes bench/results/<suites>.json instead of latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deliveryBench } from './delivery.bench';
import { escalationBench } from './escalation.bench';
import { ingestRoutingBench } from './ingest-routing.bench';
import { ingestBench, ingestStorm10xBench } from './ingest.bench';
import { insightsBench } from './insights.bench';
import { scheduleBench } from './schedule.bench';
import { startupBench } from './startup.bench';

const quick = process.env.BENCH_QUICK === '1';
const adminDatabaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const DEFAULT_SUITES = ['ingest', 'schedules', 'escalation', 'delivery', 'insights'];
const OPT_IN_SUITES = ['ingest.storm10x', 'ingest.routing', 'startup'];
const named = process.argv.slice(2).filter((a) => a !== '--');
const unknown = named.filter((n) => !DEFAULT_SUITES.includes(n) && !OPT_IN_SUITES.includes(n));
if (unknown.length > 0) {
  process.stderr.write(`unknown suite ${unknown.join(', ')}; suites: ${[...DEFAULT_SUITES, ...OPT_IN_SUITES].join(', ')}\n`);
  process.exit(2);
}
const suites = named.length > 0 ? named : DEFAULT_SUITES;

const ingestOptions = { adminDatabaseUrl, redisUrl, payloads: quick ? 300 : 3_000, concurrency: 16, stormSeconds: quick ? 6 : 60 };
const run: Record<string, () => Promise<unknown>> = {
  ingest: () => ingestBench(ingestOptions),
  'ingest.storm10x': () => ingestStorm10xBench(ingestOptions),
  'ingest.routing': () => ingestRoutingBench(ingestOptions),
  schedules: () => scheduleBench(),
  escalation: () => escalationBench({ adminDatabaseUrl, redisUrl, incidents: quick ? 1_000 : 10_000, spreadSeconds: quick ? 10 : 60 }),
  startup: () => startupBench({ adminDatabaseUrl, redisUrl, runs: quick ? 1 : 5 }),
  delivery: () => deliveryBench({ adminDatabaseUrl, redisUrl, rate: 100, seconds: quick ? 3 : 10 }),
  insights: () =>
    insightsBench({
      adminDatabaseUrl,
      incidents: quick ? 10_000 : 100_000,
      runs: quick ? 5 : 40,
      reuseDatabaseUrl: process.env.BENCH_INSIGHTS_DB,
      keepDatabase: process.env.BENCH_INSIGHTS_KEEP === '1',
    }),
};

const started = new Date();
const report: Record<string, unknown> = {
  startedAt: started.toISOString(),
  quick,
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
};
for (const suite of suites) report[suite] = await run[suite]!();
const json = JSON.stringify(report, null, 2);
const out = join(dirname(fileURLToPath(import.meta.url)), 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, named.length > 0 ? `${suites.join('+')}.json` : 'latest.json'), `${json}\n`);
process.stdout.write(`${json}\n`);
