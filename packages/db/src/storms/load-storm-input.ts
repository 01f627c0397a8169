import type { StormIncidentKind } from '@heinrich/core/noise/decide-storm';
import type pg from 'pg';

/** The incident kinds core's decideStorm knows, from the incident's group key (manual incidents are `manual:<uuid>`, heartbeat ones `heartbeat:<uuid>`); the probe's, from its service (loadStormInput). */
const kindOf = (alias: string) =>
  `CASE WHEN ${alias}.group_key LIKE 'manual:%' THEN 'manual' WHEN ${alias}.group_key LIKE 'heartbeat:%' THEN 'heartbeat' ELSE 'alert' END`;
/** An incident's (`alias`) alertname as storms count it: its group's label, else its first alert's, else its title. */
export const stormAlertnameOf = (alias: string) => `COALESCE(NULLIF(${alias}.group_labels->>'alertname', ''),
  (SELECT a.labels->>'alertname' FROM alerts a WHERE a.incident_id = ${alias}.id ORDER BY a.first_seen_at LIMIT 1), ${alias}.title)`;
const ALERTNAME = stormAlertnameOf('i2');
/**
 * When an incident counts as opened for storm detection: when it opened, or,
 * for one held by a maintenance window, when the window's end released it to
 * page (docs/noise.md "The order of the rules"). NULL for one held and not
 * released to page: it does not count toward a storm.
 */
const opened = (alias: string) =>
  `(CASE WHEN ${alias}.maintenance_until IS NULL THEN ${alias}.created_at WHEN ${alias}.maintenance_release = 'paged' THEN ${alias}.maintenance_released_at END)`;
/** The incident being decided (i) counts as opened at: */
const OPENED_I = `COALESCE(${opened('i')}, i.created_at)`;
/**
 * One branch of the window: the service's alert incidents (i2) opened (`at`)
 * in (OPENED_I - windowSeconds, OPENED_I], up to i. Two branches (never held:
 * their created_at; released to page: their release) so each uses its index.
 */
const windowBranch = (which: string, at: string) => `SELECT i2.id, i2.number, ${at} AS opened, ${ALERTNAME} AS alertname
                       FROM incidents i2
                      WHERE i2.service_id = i.service_id
                        AND ${kindOf('i2')} = 'alert'
                        AND ${which}
                        AND ${at} > ${OPENED_I} - make_interval(secs => $2)
                        AND (${at}, i2.number) <= (${OPENED_I}, i.number)`;

export interface StormInputRow {
  /** createdAt: when it opened, or when a maintenance window's end released it to page */
  incident: { id: string; number: number; createdAt: Date; kind: StormIncidentKind; stormId: string | null };
  serviceId: string;
  serviceName: string;
  /** services.noise as stored */
  noise: unknown;
  active: {
    id: string;
    startedAt: Date;
    lastIncidentAt: Date;
    /** the storm page (the incident that started it) and what started it: for the held incidents' timeline and Explain */
    page: { id: string; number: number };
    triggerIncidents: number;
    windowSeconds: number;
  } | null;
  /** the service's alert incidents opened in (createdAt - windowSeconds, createdAt], in opening order, up to this one (held by maintenance: counted from their release to page, if any) */
  window: { id: string; alertname: string }[];
}

/**
 * Takes the service's storm lock (transaction-scoped advisory lock, its own key
 * space: ingest's service locks are untouched), so two workers deciding for the
 * same service run one after the other; then loads what decideStorm needs.
 * `windowSeconds` is read by the caller from the settings first (loadStormService).
 */
export async function lockServiceStorms(client: pg.PoolClient, serviceId: string): Promise<void> {
  await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('heinrich:storm:' || $1::text, 0))`, [serviceId]);
}

/** The incident's service and its noise settings as stored (undefined: no such incident). */
export async function loadStormService(client: pg.PoolClient, incidentId: string): Promise<{ serviceId: string; noise: unknown } | undefined> {
  const r = await client.query<{ serviceId: string; noise: unknown }>(
    `SELECT s.id AS "serviceId", s.noise FROM incidents i JOIN services s ON s.id = i.service_id WHERE i.id = $1`,
    [incidentId],
  );
  return r.rows[0];
}

/** Under the storm lock: the incident, the service's active storm and the window of incidents before it. */
export async function loadStormInput(client: pg.PoolClient, incidentId: string, windowSeconds: number): Promise<StormInputRow | undefined> {
  const r = await client.query<{
    id: string;
    number: number;
    createdAt: Date;
    kind: StormIncidentKind;
    stormId: string | null;
    serviceId: string;
    serviceName: string;
    noise: unknown;
    active: { id: string; startedAt: string; lastIncidentAt: string; pageId: string; pageNumber: number; triggerIncidents: number; windowSeconds: number } | null;
    windowIncidents: { id: string; alertname: string }[];
  }>(
    `SELECT i.id, i.number, ${OPENED_I} AS "createdAt", CASE WHEN s.is_probe THEN 'probe' ELSE ${kindOf('i')} END AS kind, i.storm_id AS "stormId",
            s.id AS "serviceId", s.name AS "serviceName", s.noise,
            (SELECT json_build_object('id', st.id, 'startedAt', st.started_at, 'lastIncidentAt', st.last_incident_at,
                      'pageId', st.started_by_incident_id, 'pageNumber', pi.number, 'triggerIncidents', st.trigger_incidents, 'windowSeconds', st.window_seconds)
               FROM storms st JOIN incidents pi ON pi.id = st.started_by_incident_id WHERE st.open_service_id = s.id) AS active,
            COALESCE((SELECT json_agg(json_build_object('id', w.id, 'alertname', w.alertname) ORDER BY w.opened, w.number)
               FROM (${windowBranch('i2.maintenance_until IS NULL AND i2.suppressed_by IS NULL', 'i2.created_at')}
                     UNION ALL
                     ${windowBranch(`i2.maintenance_release = 'paged'`, 'i2.maintenance_released_at')}) w), '[]'::json) AS "windowIncidents"
       FROM incidents i
       JOIN services s ON s.id = i.service_id
      WHERE i.id = $1`,
    [incidentId, windowSeconds],
  );
  const row = r.rows[0];
  if (!row) return undefined;
  return {
    incident: { id: row.id, number: row.number, createdAt: row.createdAt, kind: row.kind, stormId: row.stormId },
    serviceId: row.serviceId,
    serviceName: row.serviceName,
    noise: row.noise,
    active: row.active
      ? {
          id: row.active.id,
          startedAt: new Date(row.active.startedAt),
          lastIncidentAt: new Date(row.active.lastIncidentAt),
          page: { id: row.active.pageId, number: row.active.pageNumber },
          triggerIncidents: row.active.triggerIncidents,
          windowSeconds: row.active.windowSeconds,
        }
      : null,
    window: row.windowIncidents,
  };
}
