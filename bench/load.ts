// A closed-loop load generator: `concurrency` senders each post the next body
// as soon as their previous request answered. Latency is per request.

export interface LoadResult {
  requests: number;
  errors: number;
  /** answers by HTTP status ('timeout', or 'network:<code>' when the connection failed) */
  statuses: Record<string, number>;
  seconds: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
}

export async function runLoad(opts: {
  url: string;
  bearer: string;
  bodies: string[];
  concurrency: number;
  /** spread the requests evenly over this many ms instead of as fast as possible */
  paceOverMs?: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const statuses: Record<string, number> = {};
  const started = performance.now();
  const interval = opts.paceOverMs ? opts.paceOverMs / opts.bodies.length : 0;
  async function sender(): Promise<void> {
    for (;;) {
      const i = next++;
      if (i >= opts.bodies.length) return;
      if (interval > 0) {
        const due = started + i * interval;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      const t0 = performance.now();
      let status: string;
      try {
        // bounded: a request unanswered after 30 s counts as an error
        const res = await fetch(opts.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.bearer}` },
          body: opts.bodies[i],
          signal: AbortSignal.timeout(30_000),
        });
        await res.arrayBuffer();
        status = String(res.status);
      } catch (err) {
        const cause = (err as { cause?: { code?: string } }).cause;
        status = (err as Error).name === 'TimeoutError' ? 'timeout' : `network:${cause?.code ?? (err as Error).message}`;
      }
      latencies.push(performance.now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status !== '200') errors++;
    }
  }
  await Promise.all(Array.from({ length: opts.concurrency }, sender));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { requests: latencies.length, errors, statuses, seconds: round(seconds), latencyMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) } };
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
