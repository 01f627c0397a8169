import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPassRunner, type PassControl, type PassRunner, type PassRunnerOptions } from './pass-runner';

// Driven by vitest's fake timers: time moves only when the test advances it
// (Date.now() included), so "when did each pass start" is exact.

/** A pass the test finishes by hand; records when each began (fake ms since the test's start) and how many overlapped. */
function controlledPass() {
  const starts: number[] = [];
  const pending: Array<() => void> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let signal: AbortSignal | undefined;
  const t0 = Date.now();
  return {
    starts,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    get signal() {
      return signal;
    },
    /** finishes the oldest pass in flight */
    finish() {
      pending.shift()?.();
    },
    run: (control: PassControl) => {
      signal = control.signal;
      starts.push(Date.now() - t0);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return new Promise<void>((resolve) =>
        pending.push(() => {
          inFlight -= 1;
          resolve();
        }),
      );
    },
  };
}

/** A pass that ends at once, counting its starts (fake ms since the test's start). */
function instantPass() {
  const starts: number[] = [];
  const t0 = Date.now();
  return { starts, run: async () => void starts.push(Date.now() - t0) };
}

const failures: Array<{ obj: unknown; msg: string }> = [];
const logger = { error: (obj: unknown, msg: string) => void failures.push({ obj, msg }) } as PassRunnerOptions['logger'];
let runner: PassRunner | undefined;

const start = (opts: Omit<PassRunnerOptions, 'logger' | 'failure'>) => (runner = startPassRunner({ logger, failure: 'test pass failed', ...opts }));

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-03-29T00:59:00Z') });
  failures.length = 0;
});
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
  vi.useRealTimers();
});

describe('startPassRunner', () => {
  it('woken at start: a pass at once, then one every interval after the last ended', async () => {
    const p = instantPass();
    start({ pass: p.run, intervalMs: 1_000 });
    void runner!.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(p.starts).toEqual([0]);
    await vi.advanceTimersByTimeAsync(3_500);
    expect(p.starts).toEqual([0, 1_000, 2_000, 3_000]);
  });

  it('not woken, the first pass comes after one interval', async () => {
    const p = instantPass();
    start({ pass: p.run, intervalMs: 1_000 });
    await vi.advanceTimersByTimeAsync(999);
    expect(p.starts).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.starts).toEqual([1_000]);
  });

  it('the interval counts from the end of the last pass: a long pass pushes the next one back', async () => {
    const p = controlledPass();
    start({ pass: p.run, intervalMs: 1_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(p.starts).toEqual([1_000]);
    await vi.advanceTimersByTimeAsync(2_500); // the pass takes 2.5 s
    expect(p.starts).toEqual([1_000]);
    p.finish();
    await vi.advanceTimersByTimeAsync(999);
    expect(p.starts).toEqual([1_000]);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.starts).toEqual([1_000, 4_500]);
    p.finish();
  });

  it('a wake-up runs a pass at once and restarts the interval', async () => {
    const p = instantPass();
    start({ pass: p.run, intervalMs: 1_000 });
    await vi.advanceTimersByTimeAsync(600);
    await runner!.wake();
    expect(p.starts).toEqual([600]);
    await vi.advanceTimersByTimeAsync(999);
    expect(p.starts).toEqual([600]);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.starts).toEqual([600, 1_600]);
  });

  it('never overlaps: wake-ups during a pass fold into one more pass after it', async () => {
    const p = controlledPass();
    start({ pass: p.run, intervalMs: 60_000 });
    const first = runner!.wake();
    const before = runner!.wake(); // before the pass began: that pass covers it
    await vi.advanceTimersByTimeAsync(0);
    expect(p.starts).toEqual([0]);
    const during = [runner!.wake(), runner!.wake(), runner!.wake()];
    await vi.advanceTimersByTimeAsync(100);
    expect(p.starts).toEqual([0]);
    p.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(p.starts).toEqual([0, 100]);
    p.finish();
    await Promise.all([first, before, ...during]);
    expect(p.maxInFlight).toBe(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(p.starts).toHaveLength(2);
  });

  it('wake() resolves only once a pass begun after it has finished', async () => {
    const p = controlledPass();
    start({ pass: p.run, intervalMs: 60_000 });
    void runner!.wake();
    await vi.advanceTimersByTimeAsync(0);
    let done = false;
    void runner!.wake().then(() => (done = true));
    p.finish(); // the pass that was running when wake() was called
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    expect(p.inFlight).toBe(1);
    p.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });

  it('minGapMs: a pass in a row starts no sooner than the gap after the previous one began', async () => {
    const p = controlledPass();
    start({ pass: p.run, intervalMs: 60_000, minGapMs: 50 });
    void runner!.wake();
    await vi.advanceTimersByTimeAsync(10);
    void runner!.wake(); // during the pass
    p.finish(); // it took 10 ms
    await vi.advanceTimersByTimeAsync(39);
    expect(p.starts).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.starts).toEqual([0, 50]);
    // a pass longer than the gap: the next in a row follows at once
    await vi.advanceTimersByTimeAsync(80);
    void runner!.wake();
    p.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(p.starts).toEqual([0, 50, 130]);
    p.finish();
  });

  it('minGapMs does not delay a wake-up while idle', async () => {
    const p = instantPass();
    start({ pass: p.run, intervalMs: 60_000, minGapMs: 50 });
    await runner!.wake();
    await vi.advanceTimersByTimeAsync(5);
    await runner!.wake();
    expect(p.starts).toEqual([0, 5]);
  });

  it('a pass that throws is logged and the runner goes on (the folded wake-up too)', async () => {
    let calls = 0;
    let inFlight = 0;
    const started: number[] = [];
    const t0 = Date.now();
    start({
      intervalMs: 1_000,
      pass: async () => {
        started.push(Date.now() - t0);
        calls += 1;
        inFlight += 1;
        try {
          expect(inFlight).toBe(1);
          if (calls === 1) {
            void runner!.wake(); // from inside the pass: folds into one more after it
            await Promise.resolve();
            throw new Error('Postgres went away');
          }
        } finally {
          inFlight -= 1;
        }
      },
    });
    await runner!.wake();
    expect(started).toEqual([0, 0]);
    expect(failures).toEqual([{ obj: { err: new Error('Postgres went away') }, msg: 'test pass failed' }]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toEqual([0, 0, 1_000]);
  });

  it('pause: no pass until it ends, wake-ups meanwhile wait, then one pass', async () => {
    const p = instantPass();
    start({ pass: p.run, intervalMs: 1_000 });
    await runner!.wake();
    runner!.pause(2_500);
    await vi.advanceTimersByTimeAsync(100);
    await runner!.wake(); // resolves at once: paused
    await runner!.wake();
    await vi.advanceTimersByTimeAsync(2_399);
    expect(p.starts).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.starts).toEqual([0, 2_500]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(p.starts).toEqual([0, 2_500, 3_500]);
  });

  it('pause from inside a pass: a folded wake-up waits for the pause too; a new pause replaces the old', async () => {
    const p = instantPass();
    start({
      intervalMs: 60_000,
      pass: async ({ pause }) => {
        await p.run();
        if (p.starts.length === 1) {
          void runner!.wake();
          pause(1_000);
        }
      },
    });
    await runner!.wake();
    expect(p.starts).toEqual([0]);
    await vi.advanceTimersByTimeAsync(500);
    runner!.pause(200);
    await vi.advanceTimersByTimeAsync(199);
    expect(p.starts).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.starts).toEqual([0, 700]);
  });

  it('stop: waits for the pass in flight (its signal aborted), cancels a pending pass and every timer', async () => {
    const p = controlledPass();
    start({ pass: p.run, intervalMs: 1_000, minGapMs: 50 });
    void runner!.wake();
    await vi.advanceTimersByTimeAsync(0);
    void runner!.wake(); // one more pending, in the gap
    let stopped = false;
    const stopping = runner!.stop().then(() => (stopped = true));
    expect(p.signal?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    p.finish();
    await stopping;
    await runner!.wake();
    runner!.pause(10);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(p.starts).toEqual([0]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
