import type pg from 'pg';

export interface ActiveIntegrationKey {
  keyId: string;
  type: 'alertmanager' | 'events';
  serviceId: string;
  groupBy: string[];
  autoResolve: boolean;
  /** the service's noise settings as stored (core/noise/noise-settings.ts reads them) */
  noise: unknown;
  /** the externalURL its Alertmanager sent last (where silences go without a configured URL) */
  externalUrl: string | null;
  /** the heartbeat its Alertmanager's Watchdog pings, and the Watchdog's alertname (docs/heartbeats.md) */
  watchdog: { heartbeatId: string; heartbeatServiceId: string; alertname: string } | null;
  /** the service's name and its ordered alert rules as stored (core AlertRule[], docs/alert-rules.md) */
  serviceName: string;
  alertRules: unknown;
  /** the synthetic probe's key (docs/monitoring.md): its incidents are not counted as opened */
  isProbe: boolean;
}

/**
 * The unrevoked key with this secret hash and its service's ingest settings.
 * Records last use at most once a minute per key, so a busy sender doesn't
 * turn every alert into a write on the key row.
 */
export async function findActiveIntegrationKey(pool: pg.Pool, secretHash: string): Promise<ActiveIntegrationKey | undefined> {
  const r = await pool.query<{
    id: string;
    type: 'alertmanager' | 'events';
    service_id: string;
    group_by: string[];
    auto_resolve: boolean;
    noise: unknown;
    external_url: string | null;
    heartbeat_id: string | null;
    heartbeat_service_id: string | null;
    watchdog_alertname: string | null;
    service_name: string;
    alert_rules: unknown;
    is_probe: boolean;
    stale: boolean;
  }>(
    `SELECT k.id, k.type, k.service_id, s.group_by, s.auto_resolve, s.noise, k.external_url,
            k.heartbeat_id, h.service_id AS heartbeat_service_id, k.watchdog_alertname, s.is_probe,
            s.name AS service_name, s.alert_rules,
            (k.last_used_at IS NULL OR k.last_used_at < now() - interval '60 seconds') AS stale
       FROM integration_keys k JOIN services s ON s.id = k.service_id
       LEFT JOIN heartbeats h ON h.id = k.heartbeat_id
      WHERE k.secret_hash = $1 AND k.revoked_at IS NULL`,
    [secretHash],
  );
  const row = r.rows[0];
  if (!row) return undefined;
  if (row.stale) await pool.query(`UPDATE integration_keys SET last_used_at = now() WHERE id = $1`, [row.id]);
  return {
    isProbe: row.is_probe,
    keyId: row.id, type: row.type, serviceId: row.service_id, groupBy: row.group_by, autoResolve: row.auto_resolve, noise: row.noise, externalUrl: row.external_url,
    serviceName: row.service_name, alertRules: row.alert_rules,
    watchdog:
      row.heartbeat_id && row.heartbeat_service_id
        ? { heartbeatId: row.heartbeat_id, heartbeatServiceId: row.heartbeat_service_id, alertname: row.watchdog_alertname ?? 'Watchdog' }
        : null,
  };
}
