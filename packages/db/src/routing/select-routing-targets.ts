import type { Queryable } from '../queryable';

/** What ingest needs of a service an alert is routed to: as its own integration key would give it. */
export interface RoutingTarget {
  serviceId: string;
  routingName: string | null;
  groupBy: string[];
  autoResolve: boolean;
  noise: unknown;
  /** for the preview's "whom would it page" */
  escalationPolicyId: string | null;
  /** the service's name and its ordered alert rules as stored (docs/alert-rules.md): they run on what is routed to it */
  name: string;
  alertRules: unknown;
}

export interface RoutingTargetRaw { id: string; routing_name: string | null; group_by: string[]; auto_resolve: boolean; noise: unknown; escalation_policy_id: string | null; name: string; alert_rules: unknown }

/** The columns routingTargetOf reads, of `services s` (as JSON: findIngestKey loads an integration's fixed targets with its key). */
export const ROUTING_TARGET_JSON = `json_build_object('id', s.id, 'routing_name', s.routing_name, 'group_by', s.group_by, 'auto_resolve', s.auto_resolve,
  'noise', s.noise, 'escalation_policy_id', s.escalation_policy_id, 'name', s.name, 'alert_rules', s.alert_rules)`;

export function routingTargetOf(s: RoutingTargetRaw): RoutingTarget {
  return { serviceId: s.id, routingName: s.routing_name, groupBy: s.group_by, autoResolve: s.auto_resolve, noise: s.noise, escalationPolicyId: s.escalation_policy_id, name: s.name, alertRules: s.alert_rules };
}

/** The services with these ids or these routing names (those that exist). */
export async function selectRoutingTargets(q: Queryable, ids: readonly string[], routingNames: readonly string[]): Promise<RoutingTarget[]> {
  if (ids.length === 0 && routingNames.length === 0) return [];
  const r = await q.query<RoutingTargetRaw>(
    `SELECT id, routing_name, group_by, auto_resolve, noise, escalation_policy_id, name, alert_rules FROM services WHERE id = ANY($1::uuid[]) OR routing_name = ANY($2::text[])`,
    [ids, routingNames],
  );
  return r.rows.map(routingTargetOf);
}

/** Which of these service ids exist (to refuse a route to a missing service). */
export async function selectExistingServiceIds(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const r = await q.query<{ id: string }>(`SELECT id FROM services WHERE id = ANY($1::uuid[])`, [ids]);
  return new Set(r.rows.map((x) => x.id));
}
