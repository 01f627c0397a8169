import type pg from 'pg';
import { stormAlertnameOf } from '../storms/load-storm-input';

/**
 * Timeline entries of a storm's incidents that change the storm message (an
 * incident joined, or one changed status). The trigger on incident_events
 * (migration 20261207141914_slack_storm_message) marks the storm page's Slack
 * messages stale for exactly these.
 */
export const STORM_MESSAGE_EVENT_TYPES = ['storm_held', 'acknowledged', 'resolved', 'retriggered'] as const;

/** What the storm page's Slack message shows of its storm (docs/slack.md "Storms"). */
export interface SlackStormRow {
  id: string;
  title: string;
  startedAt: Date;
  endedAt: Date | null;
  totals: { incidents: number; held: number; triggered: number; acknowledged: number; resolved: number };
  /** by alertname, most frequent first */
  counts: { alertname: string; count: number }[];
  /** its newest incidents, newest first */
  latest: { number: number; title: string; status: 'triggered' | 'acknowledged' | 'resolved' }[];
  /** the newest seq of an entry of its incidents that changes the message (STORM_MESSAGE_EVENT_TYPES) */
  maxSeq: string;
}

/**
 * The storm an incident started (it is the storm page), or null: an incident
 * that started no storm has an ordinary message. One round trip.
 */
export async function loadSlackStorm(db: pg.Pool | pg.PoolClient, incidentId: string, latest: number): Promise<SlackStormRow | null> {
  const r = await db.query(
    `SELECT st.id, st.title, st.started_at, st.ended_at, st.held_count,
            (SELECT jsonb_build_object('incidents', count(*), 'triggered', count(*) FILTER (WHERE i.status = 'triggered'),
                      'acknowledged', count(*) FILTER (WHERE i.status = 'acknowledged'), 'resolved', count(*) FILTER (WHERE i.status = 'resolved'))
               FROM incidents i WHERE i.storm_id = st.id) AS totals,
            coalesce((SELECT jsonb_agg(jsonb_build_object('alertname', w.alertname, 'count', w.n) ORDER BY w.n DESC, w.alertname)
               FROM (SELECT x.alertname, count(*)::int AS n
                       FROM (SELECT ${stormAlertnameOf('i')} AS alertname FROM incidents i WHERE i.storm_id = st.id) x
                      GROUP BY x.alertname) w), '[]') AS counts,
            coalesce((SELECT jsonb_agg(jsonb_build_object('number', l.number, 'title', l.title, 'status', l.status) ORDER BY l.created_at DESC, l.number DESC)
               FROM (SELECT i.number, i.title, i.status, i.created_at FROM incidents i WHERE i.storm_id = st.id
                      ORDER BY i.created_at DESC, i.number DESC LIMIT $2) l), '[]') AS latest,
            coalesce((SELECT max(e.seq) FROM incidents i JOIN incident_events e ON e.incident_id = i.id
                       WHERE i.storm_id = st.id AND e.type = ANY($3::text[])), 0)::text AS max_seq
       FROM storms st
      WHERE st.started_by_incident_id = $1`,
    [incidentId, latest, STORM_MESSAGE_EVENT_TYPES],
  );
  const row = r.rows[0] as Record<string, unknown> | undefined;
  if (!row) return null;
  const totals = row.totals as { incidents: number; triggered: number; acknowledged: number; resolved: number };
  return {
    id: row.id as string,
    title: row.title as string,
    startedAt: row.started_at as Date,
    endedAt: (row.ended_at as Date | null) ?? null,
    totals: { ...totals, held: row.held_count as number },
    counts: row.counts as SlackStormRow['counts'],
    latest: row.latest as SlackStormRow['latest'],
    maxSeq: row.max_seq as string,
  };
}
