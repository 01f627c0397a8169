import type pg from 'pg';
import { STORM_MESSAGE_EVENT_TYPES } from './load-slack-storm';

/**
 * The backstop for a timeline entry the trigger could not flag: seq is given
 * out at insert, so a transaction that commits after a later one (a lower seq
 * arriving late) leaves wanted_seq unchanged while the message was rendered
 * without it. Posted rows touched since `since` whose incident has an entry
 * newer than what they show are marked stale again. Returns how many.
 */
export async function catchUpSlackMessages(db: pg.Pool | pg.PoolClient, since: Date): Promise<number> {
  // a storm page's message shows its storm too: its incidents' entries that change it count (GREATEST skips NULLs)
  const r = await db.query(
    `UPDATE slack_messages sm SET wanted_seq = latest.seq
       FROM (SELECT m.id, GREATEST(
                    (SELECT max(e.seq) FROM incident_events e WHERE e.incident_id = m.incident_id),
                    (SELECT max(e.seq) FROM storms st JOIN incidents i ON i.storm_id = st.id JOIN incident_events e ON e.incident_id = i.id
                      WHERE st.started_by_incident_id = m.incident_id AND e.type = ANY($2::text[]))) AS seq
               FROM slack_messages m WHERE m.status = 'posted' AND m.updated_at >= $1) AS latest
      WHERE sm.id = latest.id AND latest.seq > sm.synced_seq AND latest.seq > sm.wanted_seq`,
    [since, STORM_MESSAGE_EVENT_TYPES],
  );
  return r.rowCount ?? 0;
}
