/**
 * Polls `probe` until it returns something other than undefined/false, and
 * returns that. The deadline only bounds how long a broken build takes to fail;
 * no assertion depends on how fast things happen.
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  opts: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what} (last probe: ${last instanceof Error ? last.message : String(last)})`);
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 50));
  }
}
