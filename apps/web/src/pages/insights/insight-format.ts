// Numbers of the Insights page as people read them: durations in s/min/h,
// shares in percent, a trend against the previous period in words (never in
// colour alone), and the incident-list address behind each pyramid number.
import type { InsightLevel } from '@heinrich/contracts/insights';

/** "45 s", "3 min", "1 h 5 min", "2 d 3 h"; "–" when there is nothing to measure. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '–';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

/** 0.667 -> "67 %"; null -> "–" */
export function formatShare(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)} %`;
}

/** "up 3 (+300 %) on the previous period", "down 1 (−50 %)", "no change", "up 2 (none before)" */
export function formatTrend(change: { delta: number; percent: number | null }): string {
  if (change.delta === 0) return 'no change';
  const word = change.delta > 0 ? 'up' : 'down';
  const pct = change.percent === null ? 'none before' : `${change.percent > 0 ? '+' : '−'}${Math.abs(change.percent)} %`;
  return `${word} ${Math.abs(change.delta)} (${pct})`;
}

/** the arrow next to a trend: a symbol that reads with its text (aria-hidden where shown) */
export function trendArrow(delta: number): string {
  return delta > 0 ? '▲' : delta < 0 ? '▼' : '•';
}

export const LEVEL_LABEL: Record<InsightLevel, string> = { major: 'Major', minor: 'Minor', nearMiss: 'Near misses' };

/** The incidents behind one number: the incident list filtered to the level and the period (and the report's team or service). */
export function insightListHref(level: InsightLevel, q: { from: string; to: string; teamId?: string | undefined; serviceId?: string | undefined }): string {
  const params = new URLSearchParams({ insight: level, from: q.from, to: q.to });
  if (q.teamId) params.set('teamId', q.teamId);
  if (q.serviceId) params.set('serviceId', q.serviceId);
  return `/incidents?${params.toString()}`;
}
