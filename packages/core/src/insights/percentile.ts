/**
 * The p-quantile (0–1) of `values` by linear interpolation between the closest
 * ranks (Postgres's percentile_cont): position p·(n−1) of the sorted values.
 * null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export const median = (values: readonly number[]) => percentile(values, 0.5);
