// `npm run bench`: Heinrich's benchmarks, one JSON document on stdout (and in
// bench/results/latest.json). Speed and memory are measured here, never by
// timed assertions in tests. Needs Postgres and Redis like the tests
// (BENCH_DATABASE_URL / BENCH_REDIS_URL, else the local defaults).
// BENCH_QUICK=1 shortens every run (for a smoke check, not for numbers).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deliveryBench } from './delivery.bench';
import { escalationBench } from './escalation.bench';
import { ingestBench } from './ingest.bench';
import { scheduleBench } from './schedule.bench';

const quick = process.env.BENCH_QUICK === '1';
const adminDatabaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const started = new Date();
const ingest = await ingestBench({
  adminDatabaseUrl,
  redisUrl,
  payloads: quick ? 300 : 3_000,
  concurrency: 16,
  stormSeconds: quick ? 6 : 60,
});

const report = {
  startedAt: started.toISOString(),
  quick,
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  ingest,
  schedules: await scheduleBench(),
  escalation: await escalationBench({ adminDatabaseUrl, redisUrl, incidents: quick ? 1_000 : 10_000, spreadSeconds: quick ? 10 : 60 }),
  delivery: await deliveryBench({ adminDatabaseUrl, redisUrl, rate: 100, seconds: quick ? 3 : 10 }),
};
const json = JSON.stringify(report, null, 2);
const out = join(dirname(fileURLToPath(import.meta.url)), 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'latest.json'), `${json}\n`);
process.stdout.write(`${json}\n`);
