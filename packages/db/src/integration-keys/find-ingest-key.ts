import type pg from 'pg';
import { ROUTING_INTEGRATION_COLUMNS, routingIntegrationOf, type RoutingIntegrationRaw, type RoutingIntegrationRow } from '../routing/routing-integration-row';
import { ROUTING_TARGET_JSON, routingTargetOf, type RoutingTarget, type RoutingTargetRaw } from '../routing/select-routing-targets';
import { ACTIVE_INTEGRATION_KEY_COLUMNS, activeIntegrationKeyOf, type ActiveIntegrationKey, type ActiveIntegrationKeyRaw } from './find-active-integration-key';

/**
 * What a secret presented on an ingest endpoint is: a service's unrevoked
 * integration key with its service's ingest settings, or a routing
 * integration with the services its fixed routes, its catch-all and its alert
 * rules' routeToServiceId name (those
 * that still exist; dynamic routes' services are looked up by the labels).
 */
export type IngestKeyRow =
  | { kind: 'service'; key: ActiveIntegrationKey }
  | { kind: 'routing'; integration: RoutingIntegrationRow; fixedTargets: RoutingTarget[] };

type Raw = Partial<ActiveIntegrationKeyRaw> &
  Partial<RoutingIntegrationRaw> & { k_stale: boolean | null; r_stale: boolean | null; r_targets: RoutingTargetRaw[] | null };

/**
 * Both kinds of key in one round trip (a routing key costs no more lookups
 * than a service key: docs/benchmarks.md "Routing key against service key").
 * A service key wins should a hash be both. Records last use at most once a
 * minute, so a busy sender doesn't turn every alert into a write on the key row.
 */
export async function findIngestKey(pool: pg.Pool, secretHash: string): Promise<IngestKeyRow | undefined> {
  const r = await pool.query<Raw>(
    `SELECT ${ACTIVE_INTEGRATION_KEY_COLUMNS},
            (k.last_used_at IS NULL OR k.last_used_at < now() - interval '60 seconds') AS k_stale,
            ${ROUTING_INTEGRATION_COLUMNS},
            (r.last_used_at IS NULL OR r.last_used_at < now() - interval '60 seconds') AS r_stale,
            CASE WHEN r.id IS NOT NULL AND k.id IS NULL THEN
              (SELECT coalesce(json_agg(${ROUTING_TARGET_JSON}), '[]'::json) FROM services s
                WHERE s.id = r.catch_all_service_id
                   OR s.id IN (SELECT (e->>'serviceId')::uuid FROM jsonb_array_elements(r.routes) e WHERE e ? 'serviceId')
                   OR s.id IN (SELECT (e->'actions'->>'routeToServiceId')::uuid FROM jsonb_array_elements(r.alert_rules) e
                                WHERE e->'actions' ? 'routeToServiceId'))
            END AS r_targets
       FROM (VALUES ($1::text)) AS x(secret_hash)
       LEFT JOIN integration_keys k ON k.secret_hash = x.secret_hash AND k.revoked_at IS NULL
       LEFT JOIN services s ON s.id = k.service_id
       LEFT JOIN heartbeats h ON h.id = k.heartbeat_id
       LEFT JOIN routing_integrations r ON r.secret_hash = x.secret_hash
       LEFT JOIN teams t ON t.id = r.team_id`,
    [secretHash],
  );
  const row = r.rows[0]!;
  if (row.k_id) {
    if (row.k_stale) await pool.query(`UPDATE integration_keys SET last_used_at = now() WHERE id = $1`, [row.k_id]);
    return { kind: 'service', key: activeIntegrationKeyOf(row as ActiveIntegrationKeyRaw) };
  }
  if (row.id) {
    if (row.r_stale) await pool.query(`UPDATE routing_integrations SET last_used_at = now() WHERE id = $1`, [row.id]);
    return { kind: 'routing', integration: routingIntegrationOf(row as RoutingIntegrationRaw), fixedTargets: (row.r_targets ?? []).map(routingTargetOf) };
  }
  return undefined;
}
