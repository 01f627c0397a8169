/** What the noise table knows of one alert (service and key) over the period. */
export interface NoiseHintInput {
  incidents: number;
  pages: number;
  /** resolved incidents */
  resolved: number;
  /** resolved ones no one acknowledged */
  resolvedWithoutAck: number;
  /** resolved ones whose alerts resolved by themselves (no one acknowledged nor resolved) within 3 min */
  selfResolvedWithin3Min: number;
  flapping: number;
}

/** at least this many incidents before a hint is given */
const MIN_INCIDENTS = 5;
const SHARE = 0.8;
const percent = (n: number, of: number) => `${Math.round((n / of) * 100)} %`;

/** One line where the data supports one (docs/insights.md "Noise"), the first rule that applies, else null. */
export function noiseHint(n: NoiseHintInput): string | null {
  if (n.resolved >= MIN_INCIDENTS && n.selfResolvedWithin3Min / n.resolved >= SHARE) {
    return `resolves by itself within 3 min in ${percent(n.selfResolvedWithin3Min, n.resolved)} of cases: consider \`for: 5m\` or low urgency`;
  }
  if (n.flapping >= 3) {
    return `flaps (${n.flapping} re-fires folded into a flap): consider \`keep_firing_for\` on the alerting rule or a threshold with more margin`;
  }
  if (n.resolved >= MIN_INCIDENTS && n.pages > 0 && n.resolvedWithoutAck / n.resolved >= SHARE) {
    return `${percent(n.resolvedWithoutAck, n.resolved)} resolved without anyone acknowledging: is it actionable? consider low urgency or removing it`;
  }
  return null;
}
