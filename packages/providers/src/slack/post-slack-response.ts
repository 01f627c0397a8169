/**
 * POSTs a message to an interaction's `response_url` (JSON; valid 5 times in
 * 30 minutes). `ephemeral` with `replace_original: false`: only the person who
 * clicked sees it, and the incident message stays as it is.
 */
export async function postSlackResponse(responseUrl: string, text: string, opts: { timeoutMs?: number; fetch?: typeof fetch } = {}): Promise<void> {
  const url = new URL(responseUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`response_url ${url.protocol} is not http(s)`);
  const res = await (opts.fetch ?? fetch)(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text }),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 5_000),
  });
  await res.body?.cancel().catch(() => {});
  if (!res.ok) throw new Error(`response_url answered ${res.status}`);
}
