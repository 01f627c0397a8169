import type { InsightLevel, PyramidJson } from '@heinrich/contracts/insights';
import { Link } from 'react-router';
import { formatTrend, insightListHref, LEVEL_LABEL, trendArrow } from './insight-format';

const LEVELS: InsightLevel[] = ['major', 'minor', 'nearMiss'];
// the triangle: apex (200, 12), base from (16, 288) to (384, 288), three tiers of equal height
const APEX = { x: 200, y: 12 };
const BASE_Y = 288;
const HALF_BASE = 184;
const TIER = (BASE_Y - APEX.y) / 3;
const halfAt = (y: number) => ((y - APEX.y) / (BASE_Y - APEX.y)) * HALF_BASE;

function tierPoints(i: number): string {
  const top = APEX.y + i * TIER;
  const bottom = top + TIER;
  const ht = halfAt(top);
  const hb = halfAt(bottom);
  return [
    [APEX.x - ht, top],
    [APEX.x + ht, top],
    [APEX.x + hb, bottom],
    [APEX.x - hb, bottom],
  ]
    .map(([x, y]) => `${x},${y}`)
    .join(' ');
}

const NEAR_MISS_REASONS: { key: keyof PyramidJson['nearMissReasons']; label: string }[] = [
  { key: 'maintenance', label: 'held by maintenance' },
  { key: 'suppressed', label: 'suppressed by an alert rule' },
  { key: 'storm', label: 'held by a storm' },
  { key: 'silenced', label: 'silenced' },
  { key: 'resolvedBeforePage', label: 'resolved before the first page' },
  { key: 'lowUrgency', label: 'low urgency, never paged' },
  { key: 'other', label: 'paged no one otherwise' },
  { key: 'flapRefires', label: 're-fires folded into a flap' },
];

/**
 * Heinrich's pyramid drawn as one: major on top, minor, near misses at the
 * base, each tier with its count (a link to the incidents behind it) and, on
 * the right, its name and the trend against the previous period in words. The
 * tiers differ in shape and label, not in colour alone.
 */
export function Pyramid({ pyramid: p, period, teamId, serviceId }: { pyramid: PyramidJson; period: { from: string; to: string }; teamId?: string | undefined; serviceId?: string | undefined }) {
  return (
    <figure className="pyramid">
      <svg viewBox="0 0 640 300" role="group" aria-labelledby="pyramid-caption" className="pyramid-svg">
        {LEVELS.map((level, i) => {
          const mid = APEX.y + i * TIER + TIER * (i === 0 ? 0.68 : 0.55);
          const count = p[level];
          const href = insightListHref(level, { ...period, teamId, serviceId });
          return (
            <g key={level} className={`tier tier-${level}`}>
              <polygon points={tierPoints(i)} />
              <Link to={href} aria-label={`${count} ${LEVEL_LABEL[level].toLowerCase()}: show the incidents`} data-level={level}>
                <text x={APEX.x} y={mid} textAnchor="middle" className="tier-count">
                  {count}
                </text>
              </Link>
              <line x1={APEX.x + halfAt(APEX.y + i * TIER + TIER / 2) + 8} x2={412} y1={APEX.y + i * TIER + TIER / 2} y2={APEX.y + i * TIER + TIER / 2} className="tier-leader" />
              <text x={420} y={APEX.y + i * TIER + TIER / 2 - 4} className="tier-label">
                {LEVEL_LABEL[level]}
              </text>
              <text x={420} y={APEX.y + i * TIER + TIER / 2 + 18} className="tier-trend">
                <tspan aria-hidden="true">{trendArrow(p.trend[level].delta)} </tspan>
                {formatTrend(p.trend[level])}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id="pyramid-caption">
        <strong>
          Heinrich’s pyramid: major : minor : near miss = <span data-testid="pyramid-ratio">{p.ratio.text}</span>
        </strong>{' '}
        <span className="muted">(previous period {p.previousRatio.text}; trends against it)</span>
      </figcaption>
      <ul className="pyramid-numbers">
        {LEVELS.map((level) => (
          <li key={level}>
            {LEVEL_LABEL[level]}:{' '}
            <Link to={insightListHref(level, { ...period, teamId, serviceId })} data-testid={`pyramid-${level}`}>
              {p[level]}
            </Link>{' '}
            <span className="muted">
              (previous {p.previous[level]}, {formatTrend(p.trend[level])})
            </span>
          </li>
        ))}
        <li>
          Re-sends deduplicated (not a level): <span data-testid="pyramid-deduplicated">{p.deduplicated}</span>{' '}
          <span className="muted">({formatTrend(p.trend.deduplicated)})</span>
        </li>
      </ul>
      {p.nearMiss > 0 ? (
        <p className="hint">
          Near misses:{' '}
          {NEAR_MISS_REASONS.filter((r) => p.nearMissReasons[r.key] > 0)
            .map((r) => `${p.nearMissReasons[r.key]} ${r.label}`)
            .join(', ')}
          .
        </p>
      ) : null}
    </figure>
  );
}
