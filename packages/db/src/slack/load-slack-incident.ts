import type pg from 'pg';
import { FLAPPING_SQL } from '../flapping/flapping-sql';

/** Everything the Slack message of an incident shows, as stored (one round trip). */
export interface SlackIncidentRow {
  id: string;
  number: number;
  title: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  serviceName: string;
  urgency: string | null;
  severity: string | null;
  groupLabels: Record<string, string>;
  firing: number;
  total: number;
  /** the first firing alert (else the first alert) */
  alert: { labels: Record<string, string>; annotations: Record<string, string>; generatorUrl: string | null } | null;
  /** names of the people paged at the escalation's current step whose page is not cancelled */
  pagedNow: string[];
  /** the latest acknowledged/resolved/retriggered entry, its actor named */
  statusEvent: { type: string; actorName: string; via: string | null; at: Date } | null;
  /** an Alertmanager of the service's keys (configured URL, else the externalURL it sent) */
  alertmanagerUrl: string | null;
  /** the newest timeline seq: the state this row reflects */
  maxSeq: string;
  /** its alert group is flapping (docs/noise.md "Flapping") */
  flapping: boolean;
}

/**
 * The incident as its Slack message shows it, or null when it is gone. The
 * status actor is named from users / api_keys ("user:<id>" -> the user's name).
 */
export async function loadSlackIncident(db: pg.Pool | pg.PoolClient, incidentId: string): Promise<SlackIncidentRow | null> {
  const r = await db.query(
    `SELECT i.id, i.number, i.title, i.status::text AS status, s.name AS service_name, e.urgency, i.severity, i.group_labels,
            (SELECT count(*) FILTER (WHERE a.status = 'firing') FROM alerts a WHERE a.incident_id = i.id)::int AS firing,
            (SELECT count(*) FROM alerts a WHERE a.incident_id = i.id)::int AS total,
            (SELECT jsonb_build_object('labels', a.labels, 'annotations', a.annotations, 'generatorUrl', a.generator_url)
               FROM alerts a WHERE a.incident_id = i.id ORDER BY a.status = 'firing' DESC, a.starts_at LIMIT 1) AS alert,
            coalesce((SELECT jsonb_agg(u.name ORDER BY u.name) FROM notifications n JOIN users u ON u.id = n.user_id
                       WHERE n.incident_id = i.id AND e.incident_id IS NOT NULL AND n.cycle = e.cycle AND n.step = e.step
                         AND n.status <> 'cancelled'), '[]') AS paged_now,
            (SELECT jsonb_build_object('type', ev.type, 'via', ev.via, 'at', ev.created_at,
                      'actorName', coalesce(
                        (SELECT u.name FROM users u WHERE ev.actor = 'user:' || u.id::text),
                        (SELECT 'API key ''' || k.name || '''' FROM api_keys k WHERE ev.actor = 'api-key:' || k.id::text),
                        CASE WHEN ev.actor = 'api-key:bootstrap' THEN 'the admin API key' END,
                        ev.actor, 'system'))
               FROM incident_events ev
              WHERE ev.incident_id = i.id AND ev.type IN ('acknowledged', 'resolved', 'retriggered')
              ORDER BY ev.seq DESC LIMIT 1) AS status_event,
            (SELECT k.alertmanager_url FROM integration_keys k
              WHERE k.service_id = i.service_id AND k.type = 'alertmanager' AND k.alertmanager_url IS NOT NULL
              ORDER BY k.revoked_at IS NULL DESC, k.last_used_at DESC NULLS LAST LIMIT 1) AS alertmanager_url,
            coalesce((SELECT max(ev.seq) FROM incident_events ev WHERE ev.incident_id = i.id), 0)::text AS max_seq,
            ${FLAPPING_SQL('i')} AS flapping
       FROM incidents i
       JOIN services s ON s.id = i.service_id
       LEFT JOIN incident_escalations e ON e.incident_id = i.id
      WHERE i.id = $1`,
    [incidentId],
  );
  const row = r.rows[0] as Record<string, unknown> | undefined;
  if (!row) return null;
  const status = row.status_event as { type: string; via: string | null; at: string; actorName: string } | null;
  return {
    id: row.id as string,
    number: row.number as number,
    title: row.title as string,
    status: row.status as SlackIncidentRow['status'],
    serviceName: row.service_name as string,
    urgency: (row.urgency as string | null) ?? null,
    severity: (row.severity as string | null) ?? null,
    groupLabels: (row.group_labels as Record<string, string>) ?? {},
    firing: row.firing as number,
    total: row.total as number,
    alert: (row.alert as SlackIncidentRow['alert']) ?? null,
    pagedNow: row.paged_now as string[],
    statusEvent: status ? { type: status.type, actorName: status.actorName, via: status.via, at: new Date(status.at) } : null,
    alertmanagerUrl: (row.alertmanager_url as string | null) ?? null,
    maxSeq: row.max_seq as string,
    flapping: row.flapping === true,
  };
}
