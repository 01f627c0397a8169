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

/** The service key columns as findIngestKey selects them (prefixed k_). */
export interface ActiveIntegrationKeyRaw {
  k_id: string;
  k_type: 'alertmanager' | 'events';
  k_service_id: string;
  k_group_by: string[];
  k_auto_resolve: boolean;
  k_noise: unknown;
  k_external_url: string | null;
  k_heartbeat_id: string | null;
  k_heartbeat_service_id: string | null;
  k_watchdog_alertname: string | null;
  k_service_name: string;
  k_alert_rules: unknown;
  k_is_probe: boolean;
}

export const ACTIVE_INTEGRATION_KEY_COLUMNS = `k.id AS k_id, k.type AS k_type, k.service_id AS k_service_id, s.group_by AS k_group_by,
  s.auto_resolve AS k_auto_resolve, s.noise AS k_noise, k.external_url AS k_external_url, k.heartbeat_id AS k_heartbeat_id,
  h.service_id AS k_heartbeat_service_id, k.watchdog_alertname AS k_watchdog_alertname, s.is_probe AS k_is_probe,
  s.name AS k_service_name, s.alert_rules AS k_alert_rules`;

export function activeIntegrationKeyOf(row: ActiveIntegrationKeyRaw): ActiveIntegrationKey {
  return {
    isProbe: row.k_is_probe,
    keyId: row.k_id, type: row.k_type, serviceId: row.k_service_id, groupBy: row.k_group_by, autoResolve: row.k_auto_resolve, noise: row.k_noise,
    externalUrl: row.k_external_url, serviceName: row.k_service_name, alertRules: row.k_alert_rules,
    watchdog:
      row.k_heartbeat_id && row.k_heartbeat_service_id
        ? { heartbeatId: row.k_heartbeat_id, heartbeatServiceId: row.k_heartbeat_service_id, alertname: row.k_watchdog_alertname ?? 'Watchdog' }
        : null,
  };
}
