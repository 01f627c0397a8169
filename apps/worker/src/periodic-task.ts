import type { Logger } from '@heinrich/config/logger';

export interface PeriodicTask {
  /** stops the timer and waits for a run in flight */
  stop(): Promise<void>;
}

/**
 * An in-process timer for the worker's backup passes (outbox relay, sweepers):
 * `run` every `intervalMs` after the previous run ended, the first after one
 * interval (once the connections are up); never two at once in a process
 * (across processes, each pass takes its own Postgres advisory lock). A failed
 * run is logged and the next one still comes. Deliberately not a BullMQ job
 * scheduler: a Redis flush would delete it along with the jobs it stands in for.
 */
export function startPeriodicTask(opts: { intervalMs: number; logger: Logger; failure: string; run(): Promise<void> }): PeriodicTask {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = opts
        .run()
        .catch((err: unknown) => opts.logger.error({ err }, opts.failure))
        .finally(() => {
          running = undefined;
          schedule();
        });
    }, opts.intervalMs);
  }

  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
