import type { Queryable } from '../queryable';

export interface RoutingIntegrationWrite {
  name: string;
  teamId: string | null;
  routes: { matchers: string[]; serviceId?: string; serviceFromLabel?: string }[];
  catchAllServiceId: string | null;
}

/** A new routing integration; the secret itself is never stored, only its hash and first characters. */
export async function insertRoutingIntegration(q: Queryable, w: RoutingIntegrationWrite & { secretHash: string; secretPrefix: string }): Promise<string> {
  const r = await q.query<{ id: string }>(
    `INSERT INTO routing_integrations (id, name, team_id, routes, catch_all_service_id, secret_hash, secret_prefix)
     VALUES (gen_random_uuid(), $1, $2, $3::jsonb, $4, $5, $6) RETURNING id`,
    [w.name, w.teamId, JSON.stringify(w.routes), w.catchAllServiceId, w.secretHash, w.secretPrefix],
  );
  return r.rows[0]!.id;
}

/** Replaces name, team, the whole ordered route list and the catch-all at once. */
export async function updateRoutingIntegration(q: Queryable, id: string, w: RoutingIntegrationWrite): Promise<void> {
  await q.query(
    `UPDATE routing_integrations SET name = $2, team_id = $3, routes = $4::jsonb, catch_all_service_id = $5, updated_at = now() WHERE id = $1`,
    [id, w.name, w.teamId, JSON.stringify(w.routes), w.catchAllServiceId],
  );
}

/** Replaces its ordered alert rules (a new version: updated_at moves). */
export async function updateRoutingIntegrationAlertRules(q: Queryable, id: string, rules: readonly object[]): Promise<void> {
  await q.query(`UPDATE routing_integrations SET alert_rules = $2::jsonb, updated_at = now() WHERE id = $1`, [id, JSON.stringify(rules)]);
}

export async function deleteRoutingIntegration(q: Queryable, id: string): Promise<void> {
  await q.query(`DELETE FROM routing_integrations WHERE id = $1`, [id]);
}
