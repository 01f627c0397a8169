const DAY = 86_400_000;

/** The gaps of a preview that start before `days` days from `now`; `now`: the gap is under way already. */
export function gapsWithin(gaps: readonly { start: string; end: string }[], now: number, days: number): { start: string; end: string; now: boolean }[] {
  const until = now + days * DAY;
  return gaps.filter((g) => Date.parse(g.start) < until && Date.parse(g.end) > now).map((g) => ({ ...g, now: Date.parse(g.start) <= now }));
}
