import type pg from 'pg';
import type { StoredAlertmanagerAuth } from './silence-row';

export interface SilenceSource {
  incident: { id: string; number: number; title: string; status: 'triggered' | 'acknowledged' | 'resolved'; serviceId: string };
  /** the label sets of every alert of the incident (firing or resolved) */
  alertLabels: Record<string, string>[];
  /**
   * The Alertmanager integration key to silence with, among the service's keys
   * with an Alertmanager URL configured (`alertmanagerUrl`, set by the service's
   * leads): the key whose notification opened the incident, else the others
   * (not revoked first, then the most recently used). Null: none. The
   * `externalURL` a notification carries is never used: whoever holds an
   * integration key would choose where the api sends requests.
   */
  key: { id: string; alertmanagerUrl: string; auth: StoredAlertmanagerAuth | null } | null;
  /** the type of the integration key whose notification opened the incident; null: not opened by a key (manual) */
  openedVia: 'alertmanager' | 'events' | null;
}

/**
 * What a silence of the incident is made from, read in the caller's transaction
 * (the incident row FOR SHARE, so a resolve racing the silence waits or is seen).
 * Undefined when there is no such incident.
 */
export async function loadSilenceSource(client: pg.PoolClient, incidentId: string): Promise<SilenceSource | undefined> {
  const inc = await client.query<{ id: string; number: number; title: string; status: SilenceSource['incident']['status']; service_id: string }>(
    `SELECT id, number, title, status, service_id FROM incidents WHERE id = $1 FOR SHARE`,
    [incidentId],
  );
  const row = inc.rows[0];
  if (!row) return undefined;
  // one after another: a client runs one query at a time (pg 9 refuses overlapping ones)
  const alerts = await client.query<{ labels: Record<string, string> }>(`SELECT labels FROM alerts WHERE incident_id = $1`, [incidentId]);
  const keys = await client.query<{ id: string; alertmanager_url: string; alertmanager_auth: StoredAlertmanagerAuth | null }>(
    `SELECT k.id, k.alertmanager_url, k.alertmanager_auth
       FROM integration_keys k
      WHERE k.service_id = $1 AND k.type = 'alertmanager' AND k.alertmanager_url IS NOT NULL
      ORDER BY k.id::text = (SELECT substr(e.actor, length('integration-key:') + 1) FROM incident_events e
                              WHERE e.incident_id = $2 AND e.type = 'opened' ORDER BY e.seq LIMIT 1) DESC NULLS LAST,
               k.revoked_at IS NULL DESC, k.last_used_at DESC NULLS LAST
      LIMIT 1`,
    [row.service_id, incidentId],
  );
  const opener = await client.query<{ type: 'alertmanager' | 'events' }>(
    `SELECT k.type FROM incident_events e JOIN integration_keys k ON k.id::text = substr(e.actor, length('integration-key:') + 1)
      WHERE e.incident_id = $1 AND e.type = 'opened' AND e.actor LIKE 'integration-key:%'
      ORDER BY e.seq LIMIT 1`,
    [incidentId],
  );
  const key = keys.rows[0];
  return {
    incident: { id: row.id, number: row.number, title: row.title, status: row.status, serviceId: row.service_id },
    alertLabels: alerts.rows.map((a) => a.labels),
    openedVia: opener.rows[0]?.type ?? null,
    key: key ? { id: key.id, alertmanagerUrl: key.alertmanager_url, auth: key.alertmanager_auth } : null,
  };
}
