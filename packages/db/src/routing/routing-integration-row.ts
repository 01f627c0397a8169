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
}

const COLUMNS = `r.id, r.name, r.team_id, t.name AS team_name, r.routes, r.catch_all_service_id, r.secret_prefix,
                 r.created_at, r.updated_at, r.last_used_at`;

interface Raw {
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
}

function rowOf(r: Raw): RoutingIntegrationRow {
  return {
    id: r.id, name: r.name, teamId: r.team_id, teamName: r.team_name, routes: r.routes, catchAllServiceId: r.catch_all_service_id,
    secretPrefix: r.secret_prefix, createdAt: r.created_at, updatedAt: r.updated_at, lastUsedAt: r.last_used_at,
  };
}

/** One routing integration (FOR UPDATE inside a transaction that changes it). */
export async function selectRoutingIntegration(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<RoutingIntegrationRow | undefined> {
  const r = await q.query<Raw>(
    `SELECT ${COLUMNS} FROM routing_integrations r LEFT JOIN teams t ON t.id = r.team_id WHERE r.id = $1${opts.forUpdate ? ' FOR UPDATE OF r' : ''}`,
    [id],
  );
  return r.rows[0] ? rowOf(r.rows[0]) : undefined;
}

/** Every routing integration, by name. */
export async function listRoutingIntegrationRows(q: Queryable): Promise<RoutingIntegrationRow[]> {
  const r = await q.query<Raw>(`SELECT ${COLUMNS} FROM routing_integrations r LEFT JOIN teams t ON t.id = r.team_id ORDER BY r.name, r.id`);
  return r.rows.map(rowOf);
}

/**
 * The routing integration with this secret hash, for the ingest endpoints.
 * Records last use at most once a minute, as integration keys do.
 */
export async function findRoutingIntegrationBySecret(q: Queryable, secretHash: string): Promise<RoutingIntegrationRow | undefined> {
  const r = await q.query<Raw & { stale: boolean }>(
    `SELECT ${COLUMNS}, (r.last_used_at IS NULL OR r.last_used_at < now() - interval '60 seconds') AS stale
       FROM routing_integrations r LEFT JOIN teams t ON t.id = r.team_id WHERE r.secret_hash = $1`,
    [secretHash],
  );
  const row = r.rows[0];
  if (!row) return undefined;
  if (row.stale) await q.query(`UPDATE routing_integrations SET last_used_at = now() WHERE id = $1`, [row.id]);
  return rowOf(row);
}
