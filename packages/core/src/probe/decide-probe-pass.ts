/**
 * The synthetic end-to-end probe (docs/monitoring.md "Synthetic probe"): one
 * pass judges the runs still pending and says whether a new one starts.
 *
 * A run is pending from the moment its alert is sent until the worker judges
 * it: succeeded once the api recorded the probe webhook (receivedAt), failed
 * once `timeoutMs` passed since it was sent without one (at now - sentAt >=
 * timeoutMs exactly: failed). A new run starts when none is pending any more
 * and the last one was sent `intervalMs` or more ago (or there never was one).
 */
export interface PendingProbeRun {
  id: string;
  sentAt: Date;
  /** when the api recorded the probe webhook; null: not (yet) */
  receivedAt: Date | null;
}

export interface ProbePassInput {
  now: Date;
  intervalMs: number;
  timeoutMs: number;
  pending: readonly PendingProbeRun[];
  /** the latest run's sentAt, whatever its status; null: never ran */
  lastSentAt: Date | null;
}

export type ProbeVerdict =
  | { id: string; outcome: 'succeeded'; receivedAt: Date; roundTripMs: number }
  | { id: string; outcome: 'failed'; reason: string };

export interface ProbePassDecision {
  finish: ProbeVerdict[];
  /** send a new probe alert now */
  start: boolean;
}

export function decideProbePass(input: ProbePassInput): ProbePassDecision {
  const finish: ProbeVerdict[] = [];
  let stillPending = 0;
  for (const run of input.pending) {
    if (run.receivedAt) {
      // clocks of two processes: never a negative round trip
      finish.push({ id: run.id, outcome: 'succeeded', receivedAt: run.receivedAt, roundTripMs: Math.max(0, run.receivedAt.getTime() - run.sentAt.getTime()) });
    } else if (input.now.getTime() - run.sentAt.getTime() >= input.timeoutMs) {
      finish.push({ id: run.id, outcome: 'failed', reason: `no probe webhook within ${Math.round(input.timeoutMs / 1000)} s of the alert` });
    } else {
      stillPending += 1;
    }
  }
  const due = input.lastSentAt === null || input.now.getTime() - input.lastSentAt.getTime() >= input.intervalMs;
  return { finish, start: stillPending === 0 && due };
}
