import type { Queryable } from '../queryable';

/** A routing integration as stored; `routes` as written ({matchers, serviceId | serviceFromLabel}), in order. */
export interface RoutingIntegrationRow {
  id: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
  routes: { matchers: string[]; serviceId?: string; serviceFromLabel?: string }[];
  catchAllServiceId: string | null;
  secretPrefix: string;
  createdAt: Date;
  updatedAt: Date;
  lastUsedAt: Date | null;
  /** its ordered alert rules as stored (core readAlertRules reads them), run before the routes */
  alertRules: unknown;
}

/** The columns routingIntegrationOf reads, of `routing_integrations r LEFT JOIN teams t` (also in findIngestKey). */
export const ROUTING_INTEGRATION_COLUMNS = `r.id, r.name, r.team_id, t.name AS team_name, r.routes, r.catch_all_service_id, r.secret_prefix,
                 r.created_at, r.updated_at, r.last_used_at, r.alert_rules`;

export interface RoutingIntegrationRaw {
  id: string;
  name: string;
  team_id: string | null;
  team_name: string | null;
  routes: RoutingIntegrationRow['routes'];
  catch_all_service_id: string | null;
  secret_prefix: string;
  created_at: Date;
  updated_at: Date;
  last_used_at: Date | null;
  alert_rules: unknown;
}

export function routingIntegrationOf(r: RoutingIntegrationRaw): RoutingIntegrationRow {
  return {
    id: r.id, name: r.name, teamId: r.team_id, teamName: r.team_name, routes: r.routes, catchAllServiceId: r.catch_all_service_id,
    secretPrefix: r.secret_prefix, createdAt: r.created_at, updatedAt: r.updated_at, lastUsedAt: r.last_used_at,
    alertRules: r.alert_rules,
  };
}

/** One routing integration (FOR UPDATE inside a transaction that changes it). */
export async function selectRoutingIntegration(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<RoutingIntegrationRow | undefined> {
  const r = await q.query<RoutingIntegrationRaw>(
    `SELECT ${ROUTING_INTEGRATION_COLUMNS} FROM routing_integrations r LEFT JOIN teams t ON t.id = r.team_id WHERE r.id = $1${opts.forUpdate ? ' FOR UPDATE OF r' : ''}`,
    [id],
  );
  return r.rows[0] ? routingIntegrationOf(r.rows[0]) : undefined;
}

/** Every routing integration, by name. */
export async function listRoutingIntegrationRows(q: Queryable): Promise<RoutingIntegrationRow[]> {
  const r = await q.query<RoutingIntegrationRaw>(`SELECT ${ROUTING_INTEGRATION_COLUMNS} FROM routing_integrations r LEFT JOIN teams t ON t.id = r.team_id ORDER BY r.name, r.id`);
  return r.rows.map(routingIntegrationOf);
}
