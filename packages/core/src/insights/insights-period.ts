/** the default period: the last 28 days */
export const DEFAULT_PERIOD_DAYS = 28;
/** the longest period one report covers */
export const MAX_PERIOD_DAYS = 366;
const DAY = 86_400_000;

export interface Period {
  from: number;
  to: number;
}

export type PeriodDecision = { ok: true; period: Period; previous: Period } | { ok: false; field: 'from' | 'to'; message: string };

/**
 * The period of a report (from inclusive, to exclusive; default the 28 days
 * before `to`, `to` default now) and the previous period of equal length.
 */
export function decidePeriod(ask: { from?: string; to?: string }, now: number): PeriodDecision {
  const to = ask.to !== undefined ? Date.parse(ask.to) : now;
  const from = ask.from !== undefined ? Date.parse(ask.from) : to - DEFAULT_PERIOD_DAYS * DAY;
  if (!(from < to)) return { ok: false, field: 'from', message: 'must be before `to`' };
  if (to - from > MAX_PERIOD_DAYS * DAY) return { ok: false, field: 'from', message: `the period must be at most ${MAX_PERIOD_DAYS} days` };
  const length = to - from;
  return { ok: true, period: { from, to }, previous: { from: from - length, to: from } };
}
