import type { CredentialReload, Credentials } from './credentials';
import type { Logger } from './logger';

/**
 * Polls the credential files every `intervalMs` (docs/kubernetes.md "Rotating
 * credentials") and logs each reload by name, never by value. Nothing to do
 * when no credential comes from a file. Returns the stop function.
 */
export function watchCredentials(
  credentials: Credentials,
  opts: { intervalMs: number; logger: Logger; onReload?: (reload: CredentialReload) => void },
): () => void {
  if (!credentials.watched) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    credentials
      .reload()
      .then((reloads) => {
        for (const r of reloads) {
          if (r.applied) opts.logger.info({ credential: r.key }, 'credential reloaded from its file');
          else opts.logger.error({ credential: r.key, problem: r.problem }, 'credential file changed to a value that is refused; the previous value stays in use');
          opts.onReload?.(r);
        }
      })
      .catch((err: unknown) => opts.logger.error({ err }, 'reading the credential files failed'))
      .finally(() => {
        running = false;
      });
  }, opts.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
