import type { Queryable } from '../queryable';

export interface ReadinessScheduleRows {
  id: string;
  name: string;
  teamId: string;
  /** in force somewhere in [from, to), in effective_from order (then version) */
  revisions: { effectiveFrom: Date; timeZone: string; layers: unknown }[];
  /** overlapping [from, to), oldest-created first */
  overrides: { id: string; userId: string; startsAt: Date; endsAt: Date }[];
}

export interface ReadinessRows {
  schedules: ReadinessScheduleRows[];
  policies: { id: string; name: string; teamId: string | null; repeat: number; steps: unknown }[];
  services: { id: string; name: string; teamId: string | null; policyId: string | null }[];
  users: {
    id: string;
    name: string;
    methods: { id: string; type: string; verified: boolean }[];
    rules: { id: string; contactMethodId: string; delayMinutes: number; urgency: string }[];
  }[];
  integrations: {
    type: 'integration_key' | 'routing_integration' | 'heartbeat';
    id: string;
    name: string;
    teamId: string | null;
    serviceId: string | null;
    createdAt: Date;
    lastReceivedAt: Date | null;
  }[];
}

/**
 * Everything the readiness check reads (docs/insights.md "Paging readiness"),
 * the synthetic probe's objects left out: every schedule with the revisions in
 * force over [from, to) and its overrides overlapping it, every policy and
 * service, every person with their contact methods (verified = verified and not
 * opted out) and rules, and the active integrations with when they last
 * received something (last_used_at, kept to the minute by the ingest paths;
 * a heartbeat's last ping). Five statements, no per-object round trips.
 */
export async function loadReadinessRows(q: Queryable, range: { from: Date; to: Date }): Promise<ReadinessRows> {
  const [schedules, policies, services, users, integrations] = await Promise.all([
    q.query<ReadinessScheduleRows>(
      `SELECT s.id, s.name, s.team_id AS "teamId",
              COALESCE((SELECT json_agg(json_build_object('effectiveFrom', r.effective_from, 'timeZone', r.time_zone, 'layers', r.layers)
                                        ORDER BY r.effective_from, r.version)
                          FROM schedule_revisions r
                         WHERE r.schedule_id = s.id
                           AND (r.effective_from > $1 AND r.effective_from < $2
                                OR r.id = (SELECT id FROM schedule_revisions x WHERE x.schedule_id = s.id AND x.effective_from <= $1
                                            ORDER BY x.effective_from DESC, x.version DESC LIMIT 1)
                                OR r.id = (SELECT id FROM schedule_revisions x WHERE x.schedule_id = s.id
                                            ORDER BY x.effective_from, x.version LIMIT 1))), '[]') AS revisions,
              COALESCE((SELECT json_agg(json_build_object('id', o.id, 'userId', o.user_id, 'startsAt', o.starts_at, 'endsAt', o.ends_at)
                                        ORDER BY o.created_at, o.id)
                          FROM schedule_overrides o WHERE o.schedule_id = s.id AND o.ends_at > $1 AND o.starts_at < $2), '[]') AS overrides
         FROM schedules s ORDER BY s.name, s.id`,
      [range.from, range.to],
    ),
    q.query<ReadinessRows['policies'][number]>(
      `SELECT p.id, p.name, p.team_id AS "teamId", p.repeat, p.steps FROM escalation_policies p
        WHERE NOT EXISTS (SELECT 1 FROM probe pr WHERE pr.escalation_policy_id = p.id) ORDER BY p.name, p.id`,
    ),
    q.query<ReadinessRows['services'][number]>(
      `SELECT id, name, team_id AS "teamId", escalation_policy_id AS "policyId" FROM services WHERE NOT is_probe AND NOT is_test ORDER BY name, id`,
    ),
    q.query<ReadinessRows['users'][number]>(
      `SELECT u.id, u.name,
              COALESCE((SELECT json_agg(json_build_object('id', m.id, 'type', m.type, 'verified', m.verified_at IS NOT NULL AND m.disabled_at IS NULL)
                                        ORDER BY m.created_at, m.id) FROM contact_methods m WHERE m.user_id = u.id), '[]') AS methods,
              COALESCE((SELECT json_agg(json_build_object('id', r.id, 'contactMethodId', r.contact_method_id, 'delayMinutes', r.delay_minutes, 'urgency', r.urgency)
                                        ORDER BY r.created_at, r.id) FROM notification_rules r WHERE r.user_id = u.id), '[]') AS rules
         FROM users u WHERE NOT u.is_probe`,
    ),
    q.query<ReadinessRows['integrations'][number]>(
      `SELECT 'integration_key' AS type, k.id, k.name, s.team_id AS "teamId", k.service_id AS "serviceId", k.created_at AS "createdAt", k.last_used_at AS "lastReceivedAt"
         FROM integration_keys k JOIN services s ON s.id = k.service_id
        WHERE k.revoked_at IS NULL AND NOT s.is_probe
       UNION ALL
       SELECT 'routing_integration', r.id, r.name, r.team_id, NULL, r.created_at, r.last_used_at FROM routing_integrations r
       UNION ALL
       SELECT 'heartbeat', h.id, h.name, s.team_id, h.service_id, h.created_at, h.last_ping_at
         FROM heartbeats h JOIN services s ON s.id = h.service_id
        WHERE h.status <> 'paused' AND NOT s.is_probe
       ORDER BY 1, 3, 2`,
    ),
  ]);
  return {
    schedules: schedules.rows.map((s) => ({
      ...s,
      revisions: (s.revisions as unknown as { effectiveFrom: string; timeZone: string; layers: unknown }[]).map((r) => ({ ...r, effectiveFrom: new Date(r.effectiveFrom) })),
      overrides: (s.overrides as unknown as { id: string; userId: string; startsAt: string; endsAt: string }[]).map((o) => ({
        ...o,
        startsAt: new Date(o.startsAt),
        endsAt: new Date(o.endsAt),
      })),
    })),
    policies: policies.rows,
    services: services.rows,
    users: users.rows,
    integrations: integrations.rows,
  };
}
