import type { Logger } from '@heinrich/config/logger';

/** What a pass may use of its runner. */
export interface PassControl {
  /** aborted when the runner stops: a long pass may end early */
  signal: AbortSignal;
  /** PassRunner.pause, e.g. on a provider's Retry-After */
  pause(ms: number): void;
}

export interface PassRunnerOptions {
  /**
   * One pass of the work (a dispatch, a sweep, a relay). It reads the time it
   * decides with from the injected clock (ctx.now), never from the runner.
   * A pass that throws is logged (`failure`) and the runner goes on.
   */
  pass(control: PassControl): Promise<void>;
  logger: Pick<Logger, 'error'>;
  /** the constant log message of a pass that threw */
  failure: string;
  /** the backstop: a timer wakes the runner this long after its last pass ended, whatever woke that one */
  intervalMs: number;
  /**
   * The least time between the starts of two passes in a row (a wake-up that
   * came during a pass). A wake-up while idle runs at once. Default 0.
   */
  minGapMs?: number;
}

export interface PassRunner {
  /**
   * Asks for a pass (NOTIFY, a job, a test). Idle: one starts now (in a
   * microtask). During a pass: one more runs after it (many wake-ups fold
   * into one; so do those before a pass began, which it covers). Resolves when
   * the runner is idle again, so after a pass that began after this call;
   * at once while paused or stopped (the pass at the pause's end covers it).
   * Never rejects.
   */
  wake(): Promise<void>;
  /**
   * No pass starts for `ms` (a provider's Retry-After); wake-ups meanwhile
   * wait, and one pass runs when the pause ends. A new pause replaces the one
   * in force. A pass in flight finishes.
   */
  pause(ms: number): void;
  /** No more passes: timers cleared, the pass in flight (its signal aborted) awaited. */
  stop(): Promise<void>;
}

/**
 * The worker's one scheduling loop, for every pass it runs when woken (a
 * Postgres NOTIFY, a job, a timer): never two passes of one runner at once (in
 * this process; across processes a pass takes its own claim or advisory lock),
 * a minimum gap between passes in a row, a backstop interval, pauses.
 * The runner keeps time with timers only (setTimeout; vitest's fake timers in
 * its tests) and reads no clock, so the injected clock of the passes may stand
 * still or jump (tests) without stalling it. Deliberately not a BullMQ job
 * scheduler: a Redis flush would delete it along with the jobs it stands in for.
 */
export function startPassRunner(opts: PassRunnerOptions): PassRunner {
  const minGapMs = opts.minGapMs ?? 0;
  const abort = new AbortController();
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let intervalTimer: NodeJS.Timeout | undefined;
  let pauseTimer: NodeJS.Timeout | undefined;
  // the gap after the latest pass began: a pass in a row waits for it
  let gapTimer: NodeJS.Timeout | undefined;
  let endGap: (() => void) | undefined;

  const clearGap = () => {
    clearTimeout(gapTimer);
    gapTimer = undefined;
    endGap?.();
    endGap = undefined;
  };
  const startGap = (): Promise<void> | undefined => {
    clearGap();
    if (minGapMs <= 0) return undefined;
    return new Promise<void>((resolve) => {
      endGap = resolve;
      gapTimer = setTimeout(resolve, minGapMs);
    });
  };
  const armInterval = () => {
    clearTimeout(intervalTimer);
    intervalTimer = stopped || pauseTimer ? undefined : setTimeout(() => void wake(), opts.intervalMs);
  };

  const pause = (ms: number) => {
    if (stopped) return;
    clearTimeout(pauseTimer);
    clearTimeout(intervalTimer);
    pauseTimer = setTimeout(() => {
      pauseTimer = undefined;
      void wake();
    }, ms);
  };
  const control: PassControl = { signal: abort.signal, pause };

  const loop = async (): Promise<void> => {
    let gap: Promise<void> | undefined;
    do {
      if (gap) await gap;
      if (stopped || pauseTimer) break;
      again = false;
      gap = startGap();
      try {
        await opts.pass(control);
      } catch (err) {
        opts.logger.error({ err }, opts.failure);
      }
    } while (again && !stopped && !pauseTimer);
  };

  function wake(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    if (pauseTimer) return Promise.resolve();
    clearTimeout(intervalTimer);
    // the loop starts in a microtask, once `running` is set: a wake-up from the pass itself folds too
    running = Promise.resolve()
      .then(loop)
      .finally(() => {
        running = undefined;
        again = false;
        clearGap();
        armInterval();
      });
    return running;
  }

  // the first pass after one interval, unless woken sooner
  armInterval();

  return {
    wake,
    pause,
    async stop() {
      stopped = true;
      abort.abort();
      clearTimeout(intervalTimer);
      clearTimeout(pauseTimer);
      clearGap();
      await running;
    },
  };
}
