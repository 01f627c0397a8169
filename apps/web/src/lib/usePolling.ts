import { useEffect, useRef } from 'react';

/**
 * Runs `tick` now and every `intervalMs` while the tab is visible; a hidden tab
 * (a phone in a pocket) does not poll, and coming back refreshes at once. A
 * tick never overlaps the previous one.
 */
export function usePolling(tick: () => Promise<void>, intervalMs: number, deps: readonly unknown[]): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    let stopped = false;
    let running = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      if (stopped || running) return;
      if (document.visibilityState === 'hidden') return;
      running = true;
      try {
        await latest.current();
      } catch {
        // the page shows its own error state; polling goes on
      } finally {
        running = false;
      }
      schedule();
    };
    const schedule = () => {
      clearTimeout(timer);
      if (!stopped) timer = setTimeout(() => void run(), intervalMs);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void run();
    };
    document.addEventListener('visibilitychange', onVisibility);
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs, ...deps]);
}
