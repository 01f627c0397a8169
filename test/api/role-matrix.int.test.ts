// The role matrix of docs/authorization.md, through real HTTP: every write
// endpoint, called by an admin, a lead, a responder and a viewer of team A, on
// a resource of team A, of team B and of no team (or on themselves and on
// another user). Where a role may act, the same call on another team's
// resource is the denied one (a lead of A editing B's service: 403 with the
// reason); the admin's denied call is deleting their own user. It runs twice:
// people with session cookies, and automation with API keys scoped to team A.
// Schedules, overrides and calendar feeds are in the table too (their behaviour
// beyond who may call them is tested in test/schedules/).
//
// Every allowed configuration change must appear exactly once in the audit
// log, with the caller as actor; incident actions appear on the incident's
// timeline instead (and not in the audit log); a denied call changes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type Caller, type HttpResult, type TestApi } from '../support/api-server';

type Role = 'admin' | 'lead' | 'responder' | 'viewer';
type Target = 'A' | 'B' | 'none' | 'self' | 'other';
const ROLES: Role[] = ['admin', 'lead', 'responder', 'viewer'];

interface Who {
  role: Role;
  /** a person's name; undefined for an API key */
  name?: string;
  call: Caller;
  /** the audit log's and the timeline's actor id */
  actor: string;
  /** the user behind a session; undefined for an API key */
  userId?: string;
}

interface Prepared {
  method: string;
  path: string;
  body?: unknown;
  /** the entity the change is about, when known before the call */
  entityId?: string;
  /** the reason a denial must give */
  reason: string;
  /** the entity id when the call creates it */
  createdId?(res: HttpResult): string;
  /** the audit entry's entity is one the test can't name beforehand (a calendar feed): check the action only */
  anyEntity?: boolean;
  /** for denied calls: the state the call must have left alone */
  unchanged?(): Promise<void>;
  /**
   * for allowed calls that then fail for a reason other than authorization (an
   * incident with no escalation to move): the status proving the call got past
   * the permission check; nothing is recorded
   */
  allowedStatus?: number;
}

interface Case {
  endpoint: string;
  /** the audit log action of an allowed call; 'timeline' for incident actions */
  action: string;
  targets: Target[];
  /** `person`: the caller is a signed-in person (not an API key, which is nobody) */
  allowed(role: Role, target: Target, person: boolean): boolean;
  prepare(target: Target, who: Who): Promise<Prepared>;
}

let api: TestApi;
const team = {} as Record<'A' | 'B', { id: string; name: string }>;
/** a service of each team (and of none), with an events integration key, for incidents */
const incidentService = {} as Record<'A' | 'B' | 'none', { id: string; name: string; key: string }>;
/** a responder of each team whom schedules rotate and overrides put on call */
const rota = {} as Record<'A' | 'B', { id: string; name: string }>;

beforeAll(async () => {
  api = await startTestApi();
  for (const [t, name] of [['A', 'Collector'], ['B', 'Payments']] as const) {
    team[t] = (await api.admin('POST', '/api/v1/teams', { name })).body;
  }
  for (const t of ['A', 'B', 'none'] as const) {
    const name = `pager-${t}`;
    const svc = (await api.admin('POST', '/api/v1/services', { name, teamId: t === 'none' ? null : team[t].id })).body;
    const key = (await api.admin('POST', `/api/v1/services/${svc.id}/integration-keys`, { type: 'events' })).body.key;
    incidentService[t] = { id: svc.id, name, key };
  }
  for (const t of ['A', 'B'] as const) {
    const person = await api.createUser({ name: `Rota ${t}`, teams: { [team[t].id]: 'responder' } });
    rota[t] = { id: person.id, name: `Rota ${t}` };
  }
});
afterAll(async () => {
  await api?.close();
});

const teamOf = (t: Target) => (t === 'A' || t === 'B' ? team[t] : null);
const unique = (what: string) => `${what}-${randomUUID().slice(0, 8)}`;
const isTeamTarget = (t: Target) => t === 'A';

async function service(t: Target) {
  const name = unique('svc');
  const body = (await api.admin('POST', '/api/v1/services', { name, teamId: teamOf(t)?.id ?? null })).body;
  return { id: body.id as string, name };
}

async function incident(t: 'A' | 'B' | 'none') {
  const svc = incidentService[t];
  const res = await api.post('/api/v1/integrations/events', {
    routing_key: svc.key,
    event_action: 'trigger',
    dedup_key: unique('dedup'),
    payload: { summary: 'Disk full', source: 'db-1', severity: 'critical' },
  });
  expect(res.status).toBe(202);
  return { number: res.body.incident_number as number, service: svc.name };
}

async function schedule(t: Target) {
  const name = unique('schedule');
  const res = await api.admin('POST', '/api/v1/schedules', {
    name,
    teamId: teamOf(t)!.id,
    timeZone: 'Europe/Berlin',
    layers: [{ name: 'weekly', members: [rota[t as 'A' | 'B'].id], rotation: { type: 'weekly', shiftLength: 1 }, start: '2026-03-16T09:00:00+01:00' }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id as string, name };
}

/** an hour starting a day from now: overrides must end in the future */
function tomorrow() {
  const start = new Date(Date.now() + 86_400_000);
  return { start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() };
}

async function user() {
  const name = unique('user');
  const body = (await api.admin('POST', '/api/v1/users', { name, email: `${name}@example.test` })).body;
  return { id: body.id as string, name };
}

const serviceReason = (verb: string, t: Target, svc: string) =>
  teamOf(t) ? `Only leads of team ${teamOf(t)!.name} or admins can ${verb} service ${svc}` : `Service ${svc} belongs to no team: only admins can ${verb} it`;
const keyReason = (verb: string, t: Target, svc: string) =>
  teamOf(t)
    ? `Only leads of team ${teamOf(t)!.name} or admins can ${verb} integration keys of service ${svc}`
    : `Service ${svc} belongs to no team: only admins can ${verb} its integration keys`;
const incidentReason = (verb: string, t: Target, inc: { number: number; service: string }) =>
  teamOf(t)
    ? `Only responders and leads of team ${teamOf(t)!.name}, or admins, can ${verb} incident #${inc.number} of service ${inc.service}`
    : `Incident #${inc.number} is of service ${inc.service}, which belongs to no team: only admins can ${verb} it`;

const leadOfTarget = (role: Role, t: Target) => role === 'admin' || (role === 'lead' && isTeamTarget(t));
const responderOfTarget = (role: Role, t: Target) => role === 'admin' || ((role === 'lead' || role === 'responder') && isTeamTarget(t));
const adminOnly = (role: Role) => role === 'admin';
const SERVICE_TARGETS: Target[] = ['A', 'B', 'none'];

const CASES: Case[] = [
  {
    endpoint: 'POST /api/v1/services',
    action: 'service.create',
    targets: SERVICE_TARGETS,
    allowed: leadOfTarget,
    async prepare(t) {
      const name = unique('new-svc');
      return {
        method: 'POST',
        path: '/api/v1/services',
        body: { name, teamId: teamOf(t)?.id ?? null },
        reason: teamOf(t) ? `Only leads of team ${teamOf(t)!.name} or admins can create services in team ${teamOf(t)!.name}` : `Only admins can create a service without a team (${name})`,
        createdId: (res) => res.body.id,
        unchanged: async () => expect(await api.db.prisma.service.count({ where: { name } })).toBe(0),
      };
    },
  },
  {
    endpoint: 'PATCH /api/v1/services/{id}',
    action: 'service.update',
    targets: SERVICE_TARGETS,
    allowed: leadOfTarget,
    async prepare(t) {
      const svc = await service(t);
      return {
        method: 'PATCH',
        path: `/api/v1/services/${svc.id}`,
        body: { description: 'changed' },
        entityId: svc.id,
        reason: serviceReason('change', t, svc.name),
        unchanged: async () => expect((await api.admin('GET', `/api/v1/services/${svc.id}`)).body.description).toBeNull(),
      };
    },
  },
  {
    endpoint: 'DELETE /api/v1/services/{id}',
    action: 'service.delete',
    targets: SERVICE_TARGETS,
    allowed: leadOfTarget,
    async prepare(t) {
      const svc = await service(t);
      return {
        method: 'DELETE',
        path: `/api/v1/services/${svc.id}`,
        entityId: svc.id,
        reason: serviceReason('delete', t, svc.name),
        unchanged: async () => expect((await api.admin('GET', `/api/v1/services/${svc.id}`)).status).toBe(200),
      };
    },
  },
  {
    endpoint: 'POST /api/v1/services/{id}/integration-keys',
    action: 'integration_key.create',
    targets: SERVICE_TARGETS,
    allowed: leadOfTarget,
    async prepare(t) {
      const svc = await service(t);
      return {
        method: 'POST',
        path: `/api/v1/services/${svc.id}/integration-keys`,
        body: { type: 'alertmanager' },
        reason: keyReason('create', t, svc.name),
        createdId: (res) => res.body.id,
        unchanged: async () => expect((await api.admin('GET', `/api/v1/services/${svc.id}/integration-keys`)).body.items).toEqual([]),
      };
    },
  },
  {
    endpoint: 'DELETE /api/v1/services/{id}/integration-keys/{keyId}',
    action: 'integration_key.revoke',
    targets: SERVICE_TARGETS,
    allowed: leadOfTarget,
    async prepare(t) {
      const svc = await service(t);
      const key = (await api.admin('POST', `/api/v1/services/${svc.id}/integration-keys`, { type: 'events' })).body;
      return {
        method: 'DELETE',
        path: `/api/v1/services/${svc.id}/integration-keys/${key.id}`,
        entityId: key.id,
        reason: keyReason('revoke', t, svc.name),
        unchanged: async () => expect((await api.admin('GET', `/api/v1/services/${svc.id}/integration-keys`)).body.items[0].revokedAt).toBeNull(),
      };
    },
  },
  ...(['acknowledge', 'resolve'] as const).map(
    (verb): Case => ({
      endpoint: `POST /api/v1/incidents/{id}/${verb}`,
      action: 'timeline',
      targets: SERVICE_TARGETS,
      allowed: responderOfTarget,
      async prepare(t) {
        const inc = await incident(t as 'A' | 'B' | 'none');
        return {
          method: 'POST',
          path: `/api/v1/incidents/${inc.number}/${verb}`,
          entityId: String(inc.number),
          reason: incidentReason(verb, t, inc),
          unchanged: async () => expect((await api.admin('GET', `/api/v1/incidents/${inc.number}`)).body.status).toBe('triggered'),
        };
      },
    }),
  ),
  // h21: a routing integration's own alert rules (the integration's manage permission)
  {
    endpoint: 'PUT /api/v1/routing-integrations/{id}/alert-rules',
    action: 'routing_integration.alert_rules_update',
    targets: SERVICE_TARGETS,
    allowed: leadOfTarget,
    async prepare(t) {
      const name = unique('routing');
      const tm = teamOf(t);
      const created = (await api.admin('POST', '/api/v1/routing-integrations', { name, teamId: tm?.id ?? null, routes: [], catchAllServiceId: null })).body;
      return {
        method: 'PUT',
        path: `/api/v1/routing-integrations/${created.id}/alert-rules`,
        body: { rules: [{ name: 'tests are quiet', matchers: ['env="test"'], actions: { suppress: true } }] },
        entityId: created.id,
        reason: tm
          ? `Only leads of team ${tm.name} or admins can manage routing integration ${JSON.stringify(name)}`
          : `Routing integration ${JSON.stringify(name)} belongs to the installation: only admins can manage it`,
        unchanged: async () => expect((await api.admin('GET', `/api/v1/routing-integrations/${created.id}/alert-rules`)).body.rules).toEqual([]),
      };
    },
  },
  // l22: several at once: the same permission per incident, one audit entry for the call (and each timeline)
  ...(['acknowledged', 'resolved'] as const).map(
    (status): Case => ({
      endpoint: `POST /api/v1/incidents/bulk-status (${status})`,
      action: status === 'acknowledged' ? 'incident.bulk_acknowledge' : 'incident.bulk_resolve',
      targets: SERVICE_TARGETS,
      allowed: responderOfTarget,
      async prepare(t) {
        const inc = await incident(t as 'A' | 'B' | 'none');
        const id = (await api.admin('GET', `/api/v1/incidents/${inc.number}`)).body.id as string;
        return {
          method: 'POST',
          path: '/api/v1/incidents/bulk-status',
          body: { ids: [id], status },
          entityId: id,
          reason: incidentReason(status === 'acknowledged' ? 'acknowledge' : 'resolve', t, inc),
          unchanged: async () => expect((await api.admin('GET', `/api/v1/incidents/${inc.number}`)).body.status).toBe('triggered'),
        };
      },
    }),
  ),
  {
    endpoint: 'POST /api/v1/incidents',
    action: 'timeline',
    targets: SERVICE_TARGETS,
    allowed: responderOfTarget,
    async prepare(t) {
      const svc = incidentService[t as 'A' | 'B' | 'none'];
      const title = unique('manual');
      return {
        method: 'POST',
        path: '/api/v1/incidents',
        body: { serviceId: svc.id, title },
        createdId: (res) => String(res.body.number),
        reason: teamOf(t)
          ? `Only responders and leads of team ${teamOf(t)!.name}, or admins, can open incidents on service ${svc.name}`
          : `Service ${svc.name} belongs to no team: only admins can open incidents on it`,
        unchanged: async () => expect(await api.db.prisma.incident.count({ where: { title } })).toBe(0),
      };
    },
  },
  {
    endpoint: 'POST /api/v1/incidents/{id}/escalate',
    action: 'timeline',
    targets: SERVICE_TARGETS,
    allowed: responderOfTarget,
    async prepare(t) {
      const inc = await incident(t as 'A' | 'B' | 'none');
      return {
        method: 'POST',
        path: `/api/v1/incidents/${inc.number}/escalate`,
        body: {},
        entityId: String(inc.number),
        reason: incidentReason('escalate', t, inc),
        // the matrix's services have no policy: past the permission check the answer is "nothing to escalate"
        allowedStatus: 409,
        unchanged: async () => expect((await api.admin('GET', `/api/v1/incidents/${inc.number}`)).body.timeline.map((e: { type: string }) => e.type)).toEqual(['opened']),
      };
    },
  },
  // silencing is acknowledging (the same permission); the matrix's incidents come from the
  // events API, so past the permission check: 409 (no Alertmanager to silence in), and
  // unsilencing an incident with no silence: 200, nothing to expire (test/slack/silence.int.test.ts does the rest)
  ...([
    ['POST', 409],
    ['DELETE', 200],
  ] as const).map(
    ([method, allowedStatus]): Case => ({
      endpoint: `${method} /api/v1/incidents/{id}/silence`,
      action: 'timeline',
      targets: SERVICE_TARGETS,
      allowed: responderOfTarget,
      async prepare(t) {
        const inc = await incident(t as 'A' | 'B' | 'none');
        return {
          method,
          path: `/api/v1/incidents/${inc.number}/silence`,
          ...(method === 'POST' ? { body: {} } : {}),
          entityId: String(inc.number),
          reason: incidentReason('acknowledge', t, inc),
          allowedStatus,
          unchanged: async () => expect((await api.admin('GET', `/api/v1/incidents/${inc.number}`)).body.status).toBe('triggered'),
        };
      },
    }),
  ),
  {
    endpoint: 'POST /api/v1/escalation-policies',
    action: 'escalation_policy.create',
    targets: ['A', 'B'],
    allowed: leadOfTarget,
    async prepare(t) {
      const name = unique('policy');
      const tm = teamOf(t)!;
      return {
        method: 'POST',
        path: '/api/v1/escalation-policies',
        body: { name, teamId: tm.id, repeat: 0, steps: [{ delayMinutes: 5, targets: [{ type: 'user', id: rota[t as 'A' | 'B'].id }] }] },
        createdId: (res) => res.body.id,
        reason: `Only leads of team ${tm.name} or admins can create escalation policies in team ${tm.name}`,
        unchanged: async () => expect(await api.db.prisma.escalationPolicy.count({ where: { name } })).toBe(0),
      };
    },
  },
  ...(['PATCH', 'DELETE'] as const).map(
    (method): Case => ({
      endpoint: `${method} /api/v1/escalation-policies/{id}`,
      action: method === 'PATCH' ? 'escalation_policy.update' : 'escalation_policy.delete',
      targets: ['A', 'B'],
      allowed: leadOfTarget,
      async prepare(t) {
        const tm = teamOf(t)!;
        const name = unique('policy');
        const created = await api.admin('POST', '/api/v1/escalation-policies', {
          name,
          teamId: tm.id,
          repeat: 0,
          steps: [{ delayMinutes: 5, targets: [{ type: 'user', id: rota[t as 'A' | 'B'].id }] }],
        });
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        const id = created.body.id as string;
        return {
          method,
          path: `/api/v1/escalation-policies/${id}`,
          ...(method === 'PATCH' ? { body: { name: unique('renamed') } } : {}),
          entityId: id,
          reason: `Only leads of team ${tm.name} or admins can ${method === 'PATCH' ? 'change' : 'delete'} escalation policy ${name}`,
          unchanged: async () => expect((await api.admin('GET', `/api/v1/escalation-policies/${id}`)).body.name).toBe(name),
        };
      },
    }),
  ),
  {
    endpoint: 'POST /api/v1/incidents/{id}/notes',
    action: 'timeline',
    targets: SERVICE_TARGETS,
    allowed: responderOfTarget,
    async prepare(t) {
      const inc = await incident(t as 'A' | 'B' | 'none');
      return {
        method: 'POST',
        path: `/api/v1/incidents/${inc.number}/notes`,
        body: { text: 'Looking into it' },
        entityId: String(inc.number),
        reason: incidentReason('add notes to', t, inc),
        unchanged: async () => expect((await api.admin('GET', `/api/v1/incidents/${inc.number}`)).body.timeline.map((e: { type: string }) => e.type)).toEqual(['opened']),
      };
    },
  },
  {
    endpoint: 'POST /api/v1/users',
    action: 'user.create',
    targets: ['other'],
    allowed: adminOnly,
    async prepare() {
      const name = unique('new-user');
      return {
        method: 'POST',
        path: '/api/v1/users',
        body: { name, email: `${name}@example.test`, timeZone: 'Europe/Berlin' },
        reason: 'Only admins can create users',
        createdId: (res) => res.body.id,
        unchanged: async () => expect(await api.db.prisma.user.count({ where: { name } })).toBe(0),
      };
    },
  },
  {
    endpoint: 'PATCH /api/v1/users/{id}',
    action: 'user.update',
    targets: ['self', 'other'],
    // everyone may change their own name; only admins other users
    allowed: (role, t) => role === 'admin' || t === 'self',
    async prepare(t, who) {
      const target = t === 'self' ? { id: who.userId!, name: '' } : await user();
      return {
        method: 'PATCH',
        path: `/api/v1/users/${target.id}`,
        body: { name: unique('renamed'), timeZone: 'Asia/Tokyo' },
        entityId: target.id,
        reason: `Only admins can change other users (${target.name})`,
        unchanged: async () => expect((await api.admin('GET', `/api/v1/users/${target.id}`)).body.name).toBe(target.name),
      };
    },
  },
  {
    endpoint: 'PATCH /api/v1/users/{id} (own role)',
    action: 'user.update',
    targets: ['self'],
    allowed: adminOnly,
    async prepare(_t, who) {
      return {
        method: 'PATCH',
        path: `/api/v1/users/${who.userId}`,
        entityId: who.userId!,
        // an admin "changes" their role to what it is: allowed and a no-op; others would promote themselves
        body: { role: 'admin' },
        reason: "Only admins can change a user's role; you may change your own name and timeZone",
        unchanged: async () => expect((await api.admin('GET', `/api/v1/users/${who.userId}`)).body.role).toBe('user'),
      };
    },
  },
  {
    endpoint: 'DELETE /api/v1/users/{id}',
    action: 'user.delete',
    targets: ['other', 'self'],
    allowed: (role, t) => role === 'admin' && t === 'other',
    async prepare(t, who) {
      const target = t === 'self' ? { id: who.userId!, name: '' } : await user();
      return {
        method: 'DELETE',
        path: `/api/v1/users/${target.id}`,
        entityId: target.id,
        reason: t === 'self' ? 'You cannot delete your own user (%s); another admin can' : 'Only admins can delete users',
        unchanged: async () => expect((await api.admin('GET', `/api/v1/users/${target.id}`)).status).toBe(200),
      };
    },
  },
  {
    endpoint: 'POST /api/v1/users/{id}/invite',
    action: 'user.invite',
    targets: ['other'],
    allowed: adminOnly,
    async prepare() {
      const target = await user();
      return {
        method: 'POST',
        path: `/api/v1/users/${target.id}/invite`,
        entityId: target.id,
        reason: 'Only admins can invite users',
        unchanged: async () => expect(await api.db.prisma.userInvite.count({ where: { userId: target.id } })).toBe(0),
      };
    },
  },
  {
    endpoint: 'POST /api/v1/teams',
    action: 'team.create',
    targets: ['other'],
    allowed: adminOnly,
    async prepare() {
      const name = unique('team');
      return {
        method: 'POST',
        path: '/api/v1/teams',
        body: { name, members: [] },
        reason: 'Only admins can create teams',
        createdId: (res) => res.body.id,
        unchanged: async () => expect(await api.db.prisma.team.count({ where: { name } })).toBe(0),
      };
    },
  },
  {
    endpoint: 'PATCH /api/v1/teams/{id}',
    action: 'team.update',
    targets: ['A', 'B'],
    allowed: leadOfTarget,
    async prepare(t) {
      const tm = teamOf(t)!;
      const members = (await api.admin('GET', `/api/v1/teams/${tm.id}`)).body.members.map((m: { userId: string; role: string }) => ({ userId: m.userId, role: m.role }));
      const added = await user();
      return {
        method: 'PATCH',
        path: `/api/v1/teams/${tm.id}`,
        // the whole membership: everyone as before, plus a new viewer
        body: { members: [...members, { userId: added.id, role: 'viewer' }] },
        entityId: tm.id,
        reason: `Only leads of team ${tm.name} or admins can change team ${tm.name}`,
        unchanged: async () => expect(await api.db.prisma.teamMember.count({ where: { userId: added.id } })).toBe(0),
      };
    },
  },
  {
    endpoint: 'DELETE /api/v1/teams/{id}',
    action: 'team.delete',
    targets: ['other'],
    allowed: adminOnly,
    async prepare() {
      const tm = (await api.admin('POST', '/api/v1/teams', { name: unique('doomed') })).body;
      return {
        method: 'DELETE',
        path: `/api/v1/teams/${tm.id}`,
        entityId: tm.id,
        reason: `Only admins can delete teams (${tm.name})`,
        unchanged: async () => expect((await api.admin('GET', `/api/v1/teams/${tm.id}`)).status).toBe(200),
      };
    },
  },
  {
    endpoint: 'POST /api/v1/api-keys',
    action: 'api_key.create',
    targets: ['A'],
    allowed: adminOnly,
    async prepare(t) {
      const name = unique('key');
      return {
        method: 'POST',
        path: '/api/v1/api-keys',
        body: { name, role: 'viewer', teamId: teamOf(t)!.id },
        reason: 'Only admins can create API keys',
        createdId: (res) => res.body.id,
        unchanged: async () => expect(await api.db.prisma.apiKey.count({ where: { name } })).toBe(0),
      };
    },
  },
  {
    endpoint: 'DELETE /api/v1/api-keys/{id}',
    action: 'api_key.revoke',
    targets: ['A'],
    allowed: adminOnly,
    async prepare(t) {
      const key = await api.createApiKey({ role: 'viewer', teamId: teamOf(t)!.id });
      return {
        method: 'DELETE',
        path: `/api/v1/api-keys/${key.id}`,
        entityId: key.id,
        reason: 'Only admins can revoke API keys',
        unchanged: async () => expect((await api.db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt).toBeNull(),
      };
    },
  },
  {
    endpoint: 'POST /api/v1/schedules',
    action: 'schedule.create',
    targets: ['A', 'B'],
    allowed: leadOfTarget,
    async prepare(t) {
      const name = unique('new-schedule');
      const tm = teamOf(t)!;
      return {
        method: 'POST',
        path: '/api/v1/schedules',
        body: {
          name,
          teamId: tm.id,
          timeZone: 'Europe/Berlin',
          layers: [{ name: 'weekly', members: [rota[t as 'A' | 'B'].id], rotation: { type: 'weekly', shiftLength: 1 }, start: '2026-03-16T09:00:00+01:00' }],
        },
        reason: `Only leads of team ${tm.name} or admins can create schedules in team ${tm.name}`,
        createdId: (res) => res.body.id,
        unchanged: async () => expect(await api.db.prisma.schedule.count({ where: { name } })).toBe(0),
      };
    },
  },
  {
    endpoint: 'PATCH /api/v1/schedules/{id}',
    action: 'schedule.update',
    targets: ['A', 'B'],
    allowed: leadOfTarget,
    async prepare(t) {
      const sch = await schedule(t);
      return {
        method: 'PATCH',
        path: `/api/v1/schedules/${sch.id}`,
        body: { description: 'changed', version: 1 },
        entityId: sch.id,
        reason: `Only leads of team ${teamOf(t)!.name} or admins can change schedule ${sch.name}`,
        unchanged: async () => expect((await api.admin('GET', `/api/v1/schedules/${sch.id}`)).body.description).toBeNull(),
      };
    },
  },
  {
    endpoint: 'DELETE /api/v1/schedules/{id}',
    action: 'schedule.delete',
    targets: ['A', 'B'],
    allowed: leadOfTarget,
    async prepare(t) {
      const sch = await schedule(t);
      return {
        method: 'DELETE',
        path: `/api/v1/schedules/${sch.id}`,
        entityId: sch.id,
        reason: `Only leads of team ${teamOf(t)!.name} or admins can delete schedule ${sch.name}`,
        unchanged: async () => expect((await api.admin('GET', `/api/v1/schedules/${sch.id}`)).status).toBe(200),
      };
    },
  },
  {
    endpoint: 'POST /api/v1/schedules/{id}/overrides',
    action: 'schedule_override.create',
    targets: ['A', 'B'],
    // responders put themselves on call (a key is nobody: it can't); leads anyone of the team
    allowed: (role, t, person) => leadOfTarget(role, t) || (person && role === 'responder' && t === 'A'),
    async prepare(t, who) {
      const sch = await schedule(t);
      const tm = teamOf(t)!;
      // a responder asks for themselves (where they are a person), everyone else for the team's rota
      const forSelf = who.userId !== undefined && who.role === 'responder';
      const onCall = forSelf ? { id: who.userId!, name: who.name! } : rota[t as 'A' | 'B'];
      return {
        method: 'POST',
        path: `/api/v1/schedules/${sch.id}/overrides`,
        body: { userId: onCall.id, ...tomorrow() },
        reason:
          who.role === 'responder' && t === 'A'
            ? `Responders of team ${tm.name} may add overrides for themselves only; ${onCall.name}'s need a lead of team ${tm.name} or an admin (schedule ${sch.name})`
            : `Only leads of team ${tm.name} (and its responders, for themselves) or admins can add overrides of schedule ${sch.name}`,
        createdId: (res) => res.body.id,
        unchanged: async () => expect(await api.db.prisma.scheduleOverride.count({ where: { scheduleId: sch.id } })).toBe(0),
      };
    },
  },
  {
    endpoint: 'DELETE /api/v1/schedules/{id}/overrides/{overrideId}',
    action: 'schedule_override.delete',
    targets: ['A', 'B'],
    allowed: (role, t, person) => leadOfTarget(role, t) || (person && role === 'responder' && t === 'A'),
    async prepare(t, who) {
      const sch = await schedule(t);
      const tm = teamOf(t)!;
      const forSelf = who.userId !== undefined && who.role === 'responder' && t === 'A';
      const onCall = forSelf ? { id: who.userId!, name: who.name! } : rota[t as 'A' | 'B'];
      const ov = (await api.admin('POST', `/api/v1/schedules/${sch.id}/overrides`, { userId: onCall.id, ...tomorrow() })).body;
      return {
        method: 'DELETE',
        path: `/api/v1/schedules/${sch.id}/overrides/${ov.id}`,
        entityId: ov.id,
        reason:
          who.role === 'responder' && t === 'A'
            ? `Responders of team ${tm.name} may remove overrides for themselves only; ${onCall.name}'s need a lead of team ${tm.name} or an admin (schedule ${sch.name})`
            : `Only leads of team ${tm.name} (and its responders, for themselves) or admins can remove overrides of schedule ${sch.name}`,
        unchanged: async () => expect(await api.db.prisma.scheduleOverride.count({ where: { id: ov.id } })).toBe(1),
      };
    },
  },
  {
    endpoint: 'POST /api/v1/schedules/{id}/calendar-feed',
    action: 'calendar_feed.rotate',
    targets: ['A', 'B'],
    allowed: leadOfTarget,
    async prepare(t) {
      const sch = await schedule(t);
      return {
        method: 'POST',
        path: `/api/v1/schedules/${sch.id}/calendar-feed`,
        anyEntity: true,
        reason: `Only leads of team ${teamOf(t)!.name} or admins can create or rotate the calendar feed of schedule ${sch.name}`,
        unchanged: async () => expect(await api.db.prisma.calendarFeed.count({ where: { scheduleId: sch.id } })).toBe(0),
      };
    },
  },
  {
    endpoint: 'DELETE /api/v1/schedules/{id}/calendar-feed',
    action: 'calendar_feed.revoke',
    targets: ['A', 'B'],
    allowed: leadOfTarget,
    async prepare(t) {
      const sch = await schedule(t);
      expect((await api.admin('POST', `/api/v1/schedules/${sch.id}/calendar-feed`)).status).toBe(201);
      return {
        method: 'DELETE',
        path: `/api/v1/schedules/${sch.id}/calendar-feed`,
        anyEntity: true,
        reason: `Only leads of team ${teamOf(t)!.name} or admins can revoke the calendar feed of schedule ${sch.name}`,
        unchanged: async () => expect(await api.db.prisma.calendarFeed.count({ where: { scheduleId: sch.id, revokedAt: null } })).toBe(1),
      };
    },
  },
  {
    endpoint: 'POST /api/v1/users/{id}/calendar-feed',
    action: 'calendar_feed.rotate',
    targets: ['self', 'other'],
    allowed: (role, t) => role === 'admin' || t === 'self',
    async prepare(t, who) {
      const target = t === 'self' ? { id: who.userId!, name: who.name! } : await user();
      return {
        method: 'POST',
        path: `/api/v1/users/${target.id}/calendar-feed`,
        anyEntity: true,
        reason: `Only ${target.name} or an admin can create or rotate ${target.name}'s calendar feed`,
        unchanged: async () => expect(await api.db.prisma.calendarFeed.count({ where: { userId: target.id } })).toBe(0),
      };
    },
  },
  {
    endpoint: 'DELETE /api/v1/users/{id}/calendar-feed',
    action: 'calendar_feed.revoke',
    targets: ['self', 'other'],
    allowed: (role, t) => role === 'admin' || t === 'self',
    async prepare(t, who) {
      const target = t === 'self' ? { id: who.userId!, name: who.name! } : await user();
      expect((await api.admin('POST', `/api/v1/users/${target.id}/calendar-feed`)).status).toBe(201);
      return {
        method: 'DELETE',
        path: `/api/v1/users/${target.id}/calendar-feed`,
        anyEntity: true,
        reason: `Only ${target.name} or an admin can revoke ${target.name}'s calendar feed`,
        unchanged: async () => expect(await api.db.prisma.calendarFeed.count({ where: { userId: target.id, revokedAt: null } })).toBe(1),
      };
    },
  },
  {
    endpoint: 'POST /api/v1/users/{id}/contact-methods',
    action: 'contact_method.create',
    targets: ['self', 'other'],
    allowed: (role, t) => role === 'admin' || t === 'self',
    async prepare(t, who) {
      const target = t === 'self' ? { id: who.userId!, name: who.name! } : await user();
      return {
        method: 'POST',
        path: `/api/v1/users/${target.id}/contact-methods`,
        body: { type: 'log', value: 'matrix' },
        createdId: (res) => res.body.id,
        reason: `Only ${target.name} or an admin can add ${target.name}'s contact methods`,
        unchanged: async () => expect(await api.db.prisma.contactMethod.count({ where: { userId: target.id } })).toBe(0),
      };
    },
  },
  {
    endpoint: 'DELETE /api/v1/users/{id}/contact-methods/{methodId}',
    action: 'contact_method.delete',
    targets: ['self', 'other'],
    allowed: (role, t) => role === 'admin' || t === 'self',
    async prepare(t, who) {
      const target = t === 'self' ? { id: who.userId!, name: who.name! } : await user();
      const m = (await api.admin('POST', `/api/v1/users/${target.id}/contact-methods`, { type: 'log', value: 'matrix' })).body;
      return {
        method: 'DELETE',
        path: `/api/v1/users/${target.id}/contact-methods/${m.id}`,
        entityId: m.id,
        reason: `Only ${target.name} or an admin can delete ${target.name}'s contact methods`,
        unchanged: async () => expect(await api.db.prisma.contactMethod.count({ where: { id: m.id } })).toBe(1),
      };
    },
  },
  // verifying a number and sending a new code: the same permission as adding the method. The
  // matrix's api has no Twilio, so past the permission check: verify is a 409 (no code was
  // sent) and send-verification a 503 (test/twilio/twilio-verification.int.test.ts does the rest)
  ...([
    ['verify', 409, { code: '123456' }],
    ['send-verification', 503, undefined],
  ] as const).map(
    ([action, allowedStatus, body]): Case => ({
      endpoint: `POST /api/v1/users/{id}/contact-methods/{methodId}/${action}`,
      action: `contact_method.${action}`,
      targets: ['self', 'other'],
      allowed: (role, t) => role === 'admin' || t === 'self',
      async prepare(t, who) {
        const target = t === 'self' ? { id: who.userId!, name: who.name! } : await user();
        const m = (await api.admin('POST', `/api/v1/users/${target.id}/contact-methods`, { type: 'sms', value: '+14155550100' })).body;
        return {
          method: 'POST',
          path: `/api/v1/users/${target.id}/contact-methods/${m.id}/${action}`,
          ...(body ? { body } : {}),
          entityId: m.id,
          reason: `Only ${target.name} or an admin can add ${target.name}'s contact methods`,
          allowedStatus,
          unchanged: async () => expect((await api.db.prisma.contactMethod.findUniqueOrThrow({ where: { id: m.id } })).verificationAttempts).toBe(0),
        };
      },
    }),
  ),
  // ht: a test page to one method (issue 22): the person, admins, and the leads of a team the person is a member of
  {
    endpoint: 'POST /api/v1/users/{id}/contact-methods/{methodId}/test',
    action: 'contact_method.test',
    targets: ['self', 'A', 'B', 'other'],
    allowed: (role, t) => role === 'admin' || t === 'self' || (role === 'lead' && t === 'A'),
    async prepare(t, who) {
      const target =
        t === 'self'
          ? { id: who.userId!, name: who.name! }
          : t === 'A' || t === 'B'
            ? await (async () => {
                const name = unique('member');
                return { id: (await api.createUser({ name, teams: { [team[t].id]: 'responder' } })).id, name };
              })()
            : await user();
      const m = (await api.admin('POST', `/api/v1/users/${target.id}/contact-methods`, { type: 'log', value: 'matrix' })).body;
      return {
        method: 'POST',
        path: `/api/v1/users/${target.id}/contact-methods/${m.id}/test`,
        entityId: m.id,
        reason: `Only ${target.name}, an admin or a lead of one of ${target.name}'s teams can send a test page to ${target.name}`,
        unchanged: async () => expect(await api.db.prisma.delivery.count({ where: { contactMethodId: m.id } })).toBe(0),
      };
    },
  },
  // /ht
  {
    endpoint: 'POST /api/v1/users/{id}/notification-rules',
    action: 'notification_rule.create',
    targets: ['self', 'other'],
    allowed: (role, t) => role === 'admin' || t === 'self',
    async prepare(t, who) {
      const target = t === 'self' ? { id: who.userId!, name: who.name! } : await user();
      const m = (await api.admin('POST', `/api/v1/users/${target.id}/contact-methods`, { type: 'log', value: 'matrix' })).body;
      return {
        method: 'POST',
        path: `/api/v1/users/${target.id}/notification-rules`,
        body: { contactMethodId: m.id, delayMinutes: 0 },
        createdId: (res) => res.body.id,
        reason: `Only ${target.name} or an admin can add ${target.name}'s notification rules`,
        unchanged: async () => expect(await api.db.prisma.notificationRule.count({ where: { contactMethodId: m.id } })).toBe(0),
      };
    },
  },
  {
    endpoint: 'DELETE /api/v1/users/{id}/notification-rules/{ruleId}',
    action: 'notification_rule.delete',
    targets: ['self', 'other'],
    allowed: (role, t) => role === 'admin' || t === 'self',
    async prepare(t, who) {
      const target = t === 'self' ? { id: who.userId!, name: who.name! } : await user();
      const m = (await api.admin('POST', `/api/v1/users/${target.id}/contact-methods`, { type: 'log', value: 'matrix' })).body;
      const r = (await api.admin('POST', `/api/v1/users/${target.id}/notification-rules`, { contactMethodId: m.id, delayMinutes: 0 })).body;
      return {
        method: 'DELETE',
        path: `/api/v1/users/${target.id}/notification-rules/${r.id}`,
        entityId: r.id,
        reason: `Only ${target.name} or an admin can delete ${target.name}'s notification rules`,
        unchanged: async () => expect(await api.db.prisma.notificationRule.count({ where: { id: r.id } })).toBe(1),
      };
    },
  },
];

async function auditEntriesBy(actor: string): Promise<number> {
  return api.db.prisma.auditLogEntry.count({ where: { actor } });
}

describe.each([
  { credential: 'session cookies', keys: false },
  { credential: 'API keys scoped to team A', keys: true },
])('the role matrix with $credential', ({ keys }) => {
  const who = {} as Record<Role, Who>;

  beforeAll(async () => {
    for (const role of ROLES) {
      if (keys) {
        const key = await api.createApiKey({ role, teamId: role === 'admin' ? null : team.A.id, name: `${role}-key` });
        who[role] = { role, call: api.withKey(key.secret), actor: `api-key:${key.id}` };
      } else {
        const name = role === 'admin' ? 'Admin' : `A ${role}`;
        const user = role === 'admin' ? await api.createUser({ name, role: 'admin' }) : await api.createUser({ name, teams: { [team.A.id]: role } });
        who[role] = { role, name, call: user.call, actor: `user:${user.id}`, userId: user.id };
      }
    }
  });

  // an API key is no user: it has no "self"
  const rows = CASES.flatMap((c) =>
    c.targets.filter((t) => !(keys && t === 'self')).flatMap((target) => ROLES.map((role) => ({ c, target, role, allowed: c.allowed(role, target, !keys) }))),
  );

  it.each(rows.map((r) => [r.c.endpoint, r.target, r.role, r.allowed ? 'allowed' : 'denied (403)', r] as const))(
    '%s on %s: %s -> %s',
    async (_endpoint, target, role, _outcome, { c, allowed }) => {
      const caller = who[role];
      const p = await c.prepare(target, caller);
      const before = await auditEntriesBy(caller.actor);
      const res = await caller.call(p.method, p.path, p.body);

      if (!allowed) {
        expect(res.status, JSON.stringify(res.body)).toBe(403);
        const selfName = caller.userId ? (await api.admin('GET', `/api/v1/users/${caller.userId}`)).body.name : '';
        expect(res.body.error).toEqual({ code: 'forbidden', message: p.reason.replace('%s', selfName), fields: [] });
        expect(await auditEntriesBy(caller.actor)).toBe(before);
        await p.unchanged?.();
        return;
      }

      if (p.allowedStatus !== undefined) {
        expect(res.status, JSON.stringify(res.body)).toBe(p.allowedStatus);
        expect(await auditEntriesBy(caller.actor)).toBe(before);
        return;
      }
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      if (c.action === 'timeline') {
        // incident actions: on the timeline with the caller as actor, not in the audit log
        expect(await auditEntriesBy(caller.actor)).toBe(before);
        const timeline = (await api.admin('GET', `/api/v1/incidents/${p.entityId ?? p.createdId?.(res)}`)).body.timeline as {
          type: string;
          actor: string;
        }[];
        expect(timeline.filter((e) => e.actor === caller.actor)).toHaveLength(1);
        return;
      }
      const entityId = p.entityId ?? p.createdId?.(res);
      const isNoop = c.endpoint.endsWith('(own role)');
      // the entries of this call: the newest `added` of the caller's
      const added = (await auditEntriesBy(caller.actor)) - before;
      expect(added).toBe(isNoop ? 0 : 1);
      const entries = await api.admin('GET', `/api/v1/audit-log?actor=${encodeURIComponent(caller.actor)}&limit=1`);
      expect(entries.status).toBe(200);
      if (!isNoop) {
        // exactly once, with its actor and credential (a change to what it already is records nothing)
        expect(entries.body.items[0]).toMatchObject({
          action: c.action,
          ...(p.anyEntity ? {} : { entityId }),
          actor: caller.actor,
          credential: keys ? 'api-key' : 'session',
        });
      }
    },
  );
});

describe('after the whole matrix', () => {
  it('the audit log holds every change once: no two entries of one actor with the same action, entity, before and after', async () => {
    const duplicates = await api.db.pool.query(
      `SELECT actor, action, entity_id, count(*)::int AS n FROM audit_log GROUP BY actor, action, entity_id, before, after HAVING count(*) > 1`,
    );
    expect(duplicates.rows).toEqual([]);
    // and the bootstrap key's own setup changes are there too, named as such
    expect(await api.db.prisma.auditLogEntry.count({ where: { actor: 'api-key:bootstrap', action: 'team.create', credential: 'bootstrap' } })).toBeGreaterThanOrEqual(2);
  });
});

// hi: insights (a read, docs/authorization.md "Insights"): admins see everything; anyone else the
// services of their teams (any role), and a 403 with the reason for another team, its service or a
// service without a team; the same for the CSV exports
describe.each([
  { credential: 'session cookies', keys: false },
  { credential: 'API keys scoped to team A', keys: true },
])('insights with $credential', ({ keys }) => {
  const who = {} as Record<Role, Caller>;
  beforeAll(async () => {
    for (const role of ROLES) {
      if (keys) who[role] = api.withKey((await api.createApiKey({ role, teamId: role === 'admin' ? null : team.A.id, name: `insights-${role}` })).secret);
      else who[role] = (role === 'admin' ? await api.createUser({ role: 'admin' }) : await api.createUser({ teams: { [team.A.id]: role } })).call;
    }
  });
  const asks = [
    { ask: 'their own team', query: () => `teamId=${team.A.id}`, allowed: () => true },
    { ask: 'the default report', query: () => '', allowed: () => true },
    { ask: "their team's service", query: () => `serviceId=${incidentService.A.id}`, allowed: () => true },
    { ask: 'another team', query: () => `teamId=${team.B.id}`, allowed: (r: Role) => r === 'admin', reason: () => `Only members of team ${team.B.name} or admins can see its insights` },
    {
      ask: "another team's service",
      query: () => `serviceId=${incidentService.B.id}`,
      allowed: (r: Role) => r === 'admin',
      reason: () => `Only members of team ${team.B.name} or admins can see the insights of service ${incidentService.B.name}`,
    },
    {
      ask: 'a service without a team',
      query: () => `serviceId=${incidentService.none.id}`,
      allowed: (r: Role) => r === 'admin',
      reason: () => `Service ${incidentService.none.name} belongs to no team: only admins can see its insights`,
    },
  ];
  it.each(asks.flatMap((a) => ROLES.map((role) => [a.ask, role, a.allowed(role) ? 200 : 403, a] as const)))(
    'GET /api/v1/insights for %s: %s -> %s',
    async (_ask, role, status, a) => {
      for (const path of [`/api/v1/insights?${a.query()}`, `/api/v1/insights/pyramid.csv?${a.query()}`]) {
        const res = await who[role]('GET', path);
        expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(status);
        if (status === 403) expect(res.body.error).toEqual({ code: 'forbidden', message: a.reason!(), fields: [] });
      }
    },
  );
});
