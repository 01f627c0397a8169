// Just the delivery suite, at several rates: `node --import tsx bench/delivery-main.ts`
// (BENCH_RATES=25,50,100 and BENCH_SECONDS=10 by default). One JSON document on stdout.
import { cpus } from 'node:os';
import { deliveryBench } from './delivery.bench';

const adminDatabaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const rates = (process.env.BENCH_RATES ?? '25,50,100').split(',').map(Number);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

const results = [];
for (const rate of rates) results.push(await deliveryBench({ adminDatabaseUrl, redisUrl, rate, seconds }));
process.stdout.write(`${JSON.stringify({ startedAt: new Date().toISOString(), cpus: cpus().length, node: process.version, delivery: results }, null, 2)}\n`);
