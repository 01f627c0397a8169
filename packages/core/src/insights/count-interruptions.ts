import { hourBucket, type HourBucket } from './hour-bucket';

/** interruptions of one person about one incident count once per this long */
export const INTERRUPTION_WINDOW_MS = 30 * 60_000;

export interface NotifiedEvent {
  incidentId: string;
  userId: string;
  at: number;
}

/**
 * Interruptions (docs/insights.md): a person notified about an incident, counted
 * once per incident per 30 minutes whatever the number of methods: the first
 * message counts, the next one counts only 30 min or more after the last counted
 * one. Each interruption is bucketed at its instant in the person's zone.
 */
export function countInterruptions(
  events: readonly NotifiedEvent[],
  timeZoneOf: (userId: string) => string,
): Map<string, Record<HourBucket, number>> {
  const byPair = new Map<string, NotifiedEvent[]>();
  for (const e of events) {
    const k = `${e.userId}\u0000${e.incidentId}`;
    const list = byPair.get(k);
    if (list) list.push(e);
    else byPair.set(k, [e]);
  }
  const out = new Map<string, Record<HourBucket, number>>();
  for (const list of byPair.values()) {
    list.sort((a, b) => a.at - b.at);
    let last = -Infinity;
    for (const e of list) {
      if (e.at - last < INTERRUPTION_WINDOW_MS) continue;
      last = e.at;
      const counts = out.get(e.userId) ?? { business: 0, offHours: 0, sleep: 0 };
      counts[hourBucket(e.at, timeZoneOf(e.userId))] += 1;
      out.set(e.userId, counts);
    }
  }
  return out;
}
