import type { InsightsServiceFilter } from '@heinrich/core/insights/insights-scope';

/**
 * The incidents of a report's scope (docs/insights.md): on the services of the
 * scope ($3 service, $4 teams, $5 services without a team), never a test page
 * nor the synthetic probe's. `i` is incidents, `s` its service.
 */
export const INSIGHTS_SCOPE_WHERE = `NOT i.is_test AND NOT s.is_probe
   AND ($3::uuid IS NULL OR i.service_id = $3)
   AND ($4::uuid[] IS NULL OR s.team_id = ANY($4))
   AND ($5::boolean OR s.team_id IS NOT NULL)`;

/** The incidents insights count: those of the scope opened in [$1, $2). */
export const INSIGHTS_INCIDENTS_WHERE = `i.created_at >= $1 AND i.created_at < $2
   AND ${INSIGHTS_SCOPE_WHERE}`;

/** The same, for services alone (how many a report covers; never the hidden service of test pages). */
export const INSIGHTS_SERVICES_WHERE = `NOT s.is_probe AND NOT s.is_test
   AND ($3::uuid IS NULL OR s.id = $3)
   AND ($4::uuid[] IS NULL OR s.team_id = ANY($4))
   AND ($5::boolean OR s.team_id IS NOT NULL)`;

/** $1..$5 of the fragments above. */
export function insightsParams(from: Date, to: Date, f: InsightsServiceFilter): unknown[] {
  return [from, to, f.serviceId, f.teamIds === null ? null : [...f.teamIds], f.withTeamless];
}

/**
 * The noise key of incident `i`: the alertname of its first alert (the events API
 * stores the summary there), else its title. For a few incidents (flap re-fires);
 * loadIncidentFacts computes the same in its alerts aggregate.
 */
export const NOISE_KEY_SQL = `COALESCE(
     (SELECT a.labels->>'alertname' FROM alerts a WHERE a.incident_id = i.id AND a.labels ? 'alertname' ORDER BY a.first_seen_at, a.id LIMIT 1),
     i.group_labels->>'alertname', i.title)`;
