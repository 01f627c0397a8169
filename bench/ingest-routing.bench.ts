// The routing benchmark (issue 21, opt-in: `npm run bench -- ingest.routing`):
// ingest throughput through a routing key against the service's own key.
import { alertmanagerPayload, withApi, type IngestBenchOptions } from './ingest.bench';
import { round, runLoad } from './load';

/**
 * `ingest.routing` (opt-in, issue 21): the throughput run through a routing
 * integration with 20 routes (the last one matching) against the same run with
 * the service's own key, 3 interleaved runs of each on the same machine; the
 * medians, both printed, and their ratio (goal: within 10 %).
 */
export async function ingestRoutingBench(opts: IngestBenchOptions) {
  const runs: { serviceKey: number[]; routingKey: number[] } = { serviceKey: [], routingKey: [] };
  const once = (routes?: number) =>
    withApi(
      opts,
      async ({ baseUrl, secret }) => {
        const bodies = Array.from({ length: opts.payloads }, (_, i) => alertmanagerPayload(i % 50, 10));
        await runLoad({ url: `${baseUrl}/api/v1/integrations/alertmanager`, bearer: secret, bodies: bodies.slice(0, 200), concurrency: opts.concurrency });
        const r = await runLoad({ url: `${baseUrl}/api/v1/integrations/alertmanager`, bearer: secret, bodies, concurrency: opts.concurrency });
        return round((r.requests * 10) / r.seconds, 0);
      },
      routes ? { routes } : {},
    );
  for (let i = 0; i < 3; i++) {
    runs.serviceKey.push(await once());
    runs.routingKey.push(await once(20));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const serviceKey = median(runs.serviceKey);
  const routingKey = median(runs.routingKey);
  return { routes: 20, runs, medianAlertsPerSecond: { serviceKey, routingKey }, routingToServiceRatio: round(routingKey / serviceKey, 3), goal: { ratioAtLeast: 0.9 } };
}
