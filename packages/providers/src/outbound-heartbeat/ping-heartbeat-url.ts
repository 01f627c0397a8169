export type HeartbeatPingResult = { ok: true; status: number } | { ok: false; error: string };

/**
 * One outbound heartbeat ping: `POST <HEARTBEAT_URL>` with an empty body, the
 * request healthchecks.io (GET/POST/HEAD), an Opsgenie heartbeat
 * (`/v2/heartbeats/<name>/ping?apiKey=...`: GET/POST/PUT/PATCH, docs.opsgenie.com
 * "Heartbeat API") and Heinrich's own ping URL (`/api/v1/heartbeats/<token>/ping`,
 * GET or POST, docs/heartbeats.md) all take. Any 2xx counts. Redirects are not
 * followed (a moved URL is a configuration to fix, and a redirect could carry the
 * token elsewhere). The URL is a secret (its token or apiKey): the result names
 * the HTTP status or the connection error code, never the URL.
 */
export async function pingHeartbeatUrl(url: string, opts: { timeoutMs: number; fetch?: typeof fetch }): Promise<HeartbeatPingResult> {
  const doFetch = opts.fetch ?? fetch;
  try {
    const res = await doFetch(url, {
      method: 'POST',
      headers: { 'user-agent': 'heinrich-outbound-heartbeat' },
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    // the body is not needed; read it so the connection can be reused
    await res.arrayBuffer().catch(() => undefined);
    return res.status >= 200 && res.status < 300 ? { ok: true, status: res.status } : { ok: false, error: `HTTP ${res.status}` };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError') return { ok: false, error: `no answer within ${opts.timeoutMs} ms` };
    // fetch's own message ("fetch failed") and the cause's code (ECONNREFUSED, ENOTFOUND) carry no URL
    return { ok: false, error: e.cause?.code ?? e.name };
  }
}
