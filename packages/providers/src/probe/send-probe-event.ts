/**
 * The probe's alert, sent the way any monitoring system sends one: an HTTP
 * POST of a PagerDuty Events API v2 event to the api's ingest endpoint
 * (`<PUBLIC_URL>/api/v1/integrations/events`) with the probe's integration
 * key, so the api's routing, authentication and ingest are part of the round
 * trip. Never throws: a refused or failed request is `{ok: false, error}`
 * naming the status or the network error (never the key).
 */
export async function sendProbeEvent(opts: {
  apiUrl: string;
  routingKey: string;
  dedupKey: string;
  action: 'trigger' | 'resolve';
  timeoutMs: number;
}): Promise<{ ok: true } | { ok: false; error: string }> {
  const url = new URL('/api/v1/integrations/events', opts.apiUrl);
  const body = {
    routing_key: opts.routingKey,
    event_action: opts.action,
    dedup_key: opts.dedupKey,
    ...(opts.action === 'trigger'
      ? { payload: { summary: 'Heinrich synthetic probe', source: 'heinrich-worker', severity: 'info', component: 'heinrich', class: 'probe' } }
      : {}),
  };
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Heinrich-Probe/1' },
      body: JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    await res.body?.cancel().catch(() => {});
    return res.status >= 200 && res.status < 300 ? { ok: true } : { ok: false, error: `ingest at ${url.host} answered ${res.status}` };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const what = e.name === 'TimeoutError' ? `no answer within ${opts.timeoutMs} ms` : (e.cause?.code ?? e.message);
    return { ok: false, error: `ingest at ${url.host}: ${what}` };
  }
}
