import { teamRoleOf, type Principal, type TeamRole } from './principal';

/** A team as reasons name it. */
export interface TeamRef {
  id: string;
  name: string;
}

/** What each action is about: enough to decide, and to name things in the reason. */
export interface AuthzResources {
  'service.create': { service: string; team: TeamRef | null };
  /** `newTeam`: where the change moves the service; absent when teamId is not changed */
  'service.update': { service: string; team: TeamRef | null; newTeam?: TeamRef | null };
  'service.delete': { service: string; team: TeamRef | null };
  'integration_key.create': { service: string; team: TeamRef | null };
  'integration_key.revoke': { service: string; team: TeamRef | null };
  /** create, change, pause/resume, rotate the token of, delete a heartbeat monitor of the service */
  'heartbeat.manage': { service: string; team: TeamRef | null; heartbeat: string };
  /**
   * create, change, end, delete a maintenance window: `teams` are the owning
   * team (teamId) and the teams of the services it covers (null: a service
   * without a team)
   */
  'maintenance_window.manage': { window: string; teams: readonly (TeamRef | null)[] };
  /** create, change (its routes), delete a routing integration (docs/routing.md); `team`: its owning team, null: the installation's */
  'routing_integration.manage': { integration: string; team: TeamRef | null };
  'incident.acknowledge': IncidentResource;
  'incident.resolve': IncidentResource;
  'incident.note': IncidentResource;
  /** a manual incident (POST /api/v1/incidents) on a service */
  'incident.create': { service: string; team: TeamRef | null };
  'team.create': { team: string };
  'team.update': { team: TeamRef };
  'team.delete': { team: TeamRef };
  'user.create': { user: string };
  /** `fields`: the fields the change sets */
  'user.update': { user: UserRef; fields: readonly string[] };
  'user.delete': { user: UserRef };
  'user.invite': { user: UserRef };
  'user.change_password': { user: UserRef | null };
  'api_key.create': { apiKey: string };
  'api_key.revoke': { apiKey: string };
  'audit_log.read': Record<string, never>;
  'schedule.create': ScheduleResource;
  'schedule.update': ScheduleResource;
  'schedule.delete': ScheduleResource;
  /** `user`: who the override puts on call */
  'schedule_override.create': ScheduleResource & { user: UserRef };
  'schedule_override.delete': ScheduleResource & { user: UserRef };
  'calendar_feed.rotate': CalendarFeedResource;
  'calendar_feed.revoke': CalendarFeedResource;
  'escalation_policy.create': EscalationPolicyResource;
  /** `newTeam`: where the change moves the policy; absent when teamId is not changed */
  'escalation_policy.update': EscalationPolicyResource & { newTeam?: TeamRef };
  'escalation_policy.delete': EscalationPolicyResource;
  'incident.escalate': IncidentResource;
  /**
   * the person paged acts on the incident they were paged for, from the page
   * (an SMS reply code, a keypress in the page call): whatever their team role,
   * and only on that incident
   */
  'incident.act_as_paged': { incident: { id: string; number: number }; act: 'acknowledge' | 'resolve' | 'escalate' };
  /** a person's contact methods and personal notification rules (reads too: phone numbers are personal) */
  'contact_method.read': { user: UserRef };
  /**
   * seeing the values of a person's contact methods (webhook URLs, numbers, Slack ids) where
   * they appear (their list, the delivery log): `onCallFor` are the teams the person is on call
   * for (a layer of one of the team's schedules lists them, an override of theirs on one is not
   * over, or a step of one of the team's escalation policies names them)
   */
  'contact_method.reveal': { user: UserRef; onCallFor: readonly TeamRef[] };
  'contact_method.create': { user: UserRef };
  'contact_method.delete': { user: UserRef };
  /** send a test page to one of the person's methods; `teams`: the teams the person is a member of */
  'contact_method.test': { user: UserRef; teams: readonly TeamRef[] };
  'notification_rule.create': { user: UserRef };
  'notification_rule.delete': { user: UserRef };
}

/** A policy and its team (null once the team is deleted: admins only). */
export interface EscalationPolicyResource {
  policy: string;
  team: TeamRef | null;
}

export interface ScheduleResource {
  schedule: string;
  team: TeamRef;
}

/** A schedule's feed, or a person's own on-call feed. */
export type CalendarFeedResource = ({ feed: 'schedule' } & ScheduleResource) | { feed: 'user'; user: UserRef };

export type AuthzAction = keyof AuthzResources;

export interface IncidentResource {
  number: number;
  service: string;
  team: TeamRef | null;
}

export interface UserRef {
  id: string;
  name: string;
}

export type AuthzDecision = { allowed: true } | { allowed: false; reason: string };

/** Fields a user may change on themselves; everything else about users is for admins. */
export const SELF_EDITABLE_USER_FIELDS: readonly string[] = ['name', 'timeZone'];

const PERSONAL_VERBS = {
  'contact_method.read': 'see',
  'contact_method.create': 'add',
  'contact_method.delete': 'delete',
  'notification_rule.create': 'add',
  'notification_rule.delete': 'delete',
} as const;

const ALLOW: AuthzDecision = { allowed: true };
const deny = (reason: string): AuthzDecision => ({ allowed: false, reason });

const INCIDENT_VERBS = {
  'incident.acknowledge': 'acknowledge',
  'incident.resolve': 'resolve',
  'incident.note': 'add notes to',
  'incident.escalate': 'escalate',
} as const;

/**
 * The one decision of who may do what (docs/authorization.md has the table).
 * Reading is not asked here: every authenticated caller may read everything but
 * the audit log. Admins may do everything, except delete their own user; a page
 * (kind `page`) may only act on the incident it was sent for. Team
 * roles rank lead > responder > viewer: a lead may do what a responder may. A
 * service without a team is changed by admins only.
 */
export function authorize<A extends AuthzAction>(principal: Principal, action: A, resource: AuthzResources[A]): AuthzDecision {
  const r = resource as AuthzResources[AuthzAction];
  const isAdmin = principal.role === 'admin';
  // a page is a credential for one thing only, whatever the person's roles
  if (principal.kind === 'page' && action !== 'incident.act_as_paged') return deny(`A page (an SMS reply code or the page call) can only acknowledge, resolve or escalate the incident it was sent for`);
  switch (action) {
    case 'incident.act_as_paged': {
      const { incident, act } = r as AuthzResources['incident.act_as_paged'];
      if (principal.kind !== 'page') return deny(`Only a page (an SMS reply code or the page call) can ${act} incident #${incident.number} as the person paged`);
      if (principal.pagedIncidentId !== incident.id) return deny(`The page to ${principal.display} was sent for another incident: it cannot ${act} incident #${incident.number}`);
      return ALLOW;
    }
    case 'user.delete': {
      const { user } = r as AuthzResources['user.delete'];
      if (principal.userId === user.id) return deny(`You cannot delete your own user (${user.name}); another admin can`);
      return isAdmin ? ALLOW : deny(`Only admins can delete users`);
    }
    case 'user.update': {
      const { user, fields } = r as AuthzResources['user.update'];
      if (isAdmin) return ALLOW;
      if (principal.userId !== user.id) return deny(`Only admins can change other users (${user.name})`);
      const others = fields.filter((f) => !SELF_EDITABLE_USER_FIELDS.includes(f));
      return others.length === 0 ? ALLOW : deny(`Only admins can change a user's ${others.join(' and ')}; you may change your own name and timeZone`);
    }
    case 'user.change_password': {
      const { user } = r as AuthzResources['user.change_password'];
      // the current password is the proof: only the person, signed in, changes it (admins re-invite instead)
      if (principal.kind === 'session' && user && principal.userId === user.id) return ALLOW;
      return deny('Only a signed-in user can change their own password; an admin can send a new invite instead');
    }
  }
  if (isAdmin) return ALLOW;
  switch (action) {
    // -- how a person is reached: that person (signed in, not an API key) or admins
    case 'contact_method.read':
    case 'contact_method.create':
    case 'contact_method.delete':
    case 'notification_rule.create':
    case 'notification_rule.delete': {
      const { user } = r as AuthzResources['contact_method.read'];
      if (principal.userId !== undefined && principal.userId === user.id) return ALLOW;
      return deny(`Only ${user.name} or an admin can ${PERSONAL_VERBS[action as keyof typeof PERSONAL_VERBS]} ${user.name}'s ${action.startsWith('contact') ? 'contact methods' : 'notification rules'}`);
    }
    // -- a test page: that person, admins, and the leads of a team the person is a member of
    case 'contact_method.test': {
      const { user, teams } = r as AuthzResources['contact_method.test'];
      if (principal.userId !== undefined && principal.userId === user.id) return ALLOW;
      if (teams.some((team) => hasRole(principal, team, 'lead'))) return ALLOW;
      return deny(`Only ${user.name}, an admin or a lead of one of ${user.name}'s teams can send a test page to ${user.name}`);
    }
    // -- a person's contact values: that person, admins, and the leads of the teams they are on call for
    case 'contact_method.reveal': {
      const { user, onCallFor } = r as AuthzResources['contact_method.reveal'];
      if (principal.userId !== undefined && principal.userId === user.id) return ALLOW;
      if (onCallFor.some((team) => hasRole(principal, team, 'lead'))) return ALLOW;
      return deny(`Only ${user.name}, an admin or a lead of a team ${user.name} is on call for can see ${user.name}'s contact methods`);
    }
    case 'service.create': {
      const { service, team } = r as AuthzResources['service.create'];
      if (!team) return deny(`Only admins can create a service without a team (${service})`);
      return hasRole(principal, team, 'lead') ? ALLOW : deny(`Only leads of team ${team.name} or admins can create services in team ${team.name}`);
    }
    case 'service.update': {
      const { service, team, newTeam } = r as AuthzResources['service.update'];
      if (!team) return deny(`Service ${service} belongs to no team: only admins can change it`);
      if (!hasRole(principal, team, 'lead')) return deny(`Only leads of team ${team.name} or admins can change service ${service}`);
      if (newTeam === null) return deny(`Only admins can take service ${service} out of team ${team.name} (a service without a team is changed by admins only)`);
      if (newTeam && newTeam.id !== team.id && !hasRole(principal, newTeam, 'lead')) {
        return deny(`Only leads of team ${newTeam.name} or admins can move service ${service} to team ${newTeam.name}`);
      }
      return ALLOW;
    }
    case 'service.delete': {
      const { service, team } = r as AuthzResources['service.delete'];
      if (!team) return deny(`Service ${service} belongs to no team: only admins can delete it`);
      return hasRole(principal, team, 'lead') ? ALLOW : deny(`Only leads of team ${team.name} or admins can delete service ${service}`);
    }
    case 'integration_key.create':
    case 'integration_key.revoke': {
      const { service, team } = r as AuthzResources['integration_key.create'];
      const verb = action === 'integration_key.create' ? 'create' : 'revoke';
      if (!team) return deny(`Service ${service} belongs to no team: only admins can ${verb} its integration keys`);
      return hasRole(principal, team, 'lead')
        ? ALLOW
        : deny(`Only leads of team ${team.name} or admins can ${verb} integration keys of service ${service}`);
    }
    case 'heartbeat.manage': {
      const { service, team, heartbeat } = r as AuthzResources['heartbeat.manage'];
      if (!team) return deny(`Service ${service} belongs to no team: only admins can manage its heartbeat ${heartbeat}`);
      return hasRole(principal, team, 'lead')
        ? ALLOW
        : deny(`Only leads of team ${team.name} or admins can manage heartbeat ${heartbeat} of service ${service}`);
    }
    case 'maintenance_window.manage': {
      // it silences pages of every service it covers: a lead of each of their teams (and of the owning team)
      const { window, teams } = r as AuthzResources['maintenance_window.manage'];
      if (teams.some((t) => t === null)) return deny(`Maintenance window ${window} covers a service that belongs to no team: only admins can manage it`);
      const missing = (teams as TeamRef[]).filter((t) => !hasRole(principal, t, 'lead'));
      if (missing.length === 0) return ALLOW;
      const names = [...new Set(missing.map((t) => t.name))].join(', ');
      return deny(`Only leads of team ${names} or admins can manage maintenance window ${window}`);
    }
    case 'routing_integration.manage': {
      const { integration, team } = r as AuthzResources['routing_integration.manage'];
      if (!team) return deny(`Routing integration ${integration} belongs to the installation: only admins can manage it`);
      return hasRole(principal, team, 'lead') ? ALLOW : deny(`Only leads of team ${team.name} or admins can manage routing integration ${integration}`);
    }
    case 'incident.acknowledge':
    case 'incident.resolve':
    case 'incident.note':
    case 'incident.escalate': {
      const { number, service, team } = r as IncidentResource;
      const verb = INCIDENT_VERBS[action as keyof typeof INCIDENT_VERBS];
      if (!team) return deny(`Incident #${number} is of service ${service}, which belongs to no team: only admins can ${verb} it`);
      return hasRole(principal, team, 'responder')
        ? ALLOW
        : deny(`Only responders and leads of team ${team.name}, or admins, can ${verb} incident #${number} of service ${service}`);
    }
    case 'incident.create': {
      const { service, team } = r as AuthzResources['incident.create'];
      if (!team) return deny(`Service ${service} belongs to no team: only admins can open incidents on it`);
      return hasRole(principal, team, 'responder')
        ? ALLOW
        : deny(`Only responders and leads of team ${team.name}, or admins, can open incidents on service ${service}`);
    }
    case 'team.update': {
      const { team } = r as AuthzResources['team.update'];
      return hasRole(principal, team, 'lead') ? ALLOW : deny(`Only leads of team ${team.name} or admins can change team ${team.name}`);
    }
    case 'team.create':
      return deny('Only admins can create teams');
    case 'team.delete':
      return deny(`Only admins can delete teams (${(r as AuthzResources['team.delete']).team.name})`);
    case 'user.create':
      return deny('Only admins can create users');
    case 'user.invite':
      return deny('Only admins can invite users');
    case 'api_key.create':
      return deny('Only admins can create API keys');
    case 'api_key.revoke':
      return deny('Only admins can revoke API keys');
    case 'audit_log.read':
      return deny('Only admins can read the audit log');
    // -- schedules (docs/authorization.md): leads change them; a responder may take
    // (or give back) a shift by an override for themselves, never put someone else on call
    case 'schedule.create':
    case 'schedule.update':
    case 'schedule.delete': {
      const { schedule, team } = r as ScheduleResource;
      if (hasRole(principal, team, 'lead')) return ALLOW;
      if (action === 'schedule.create') return deny(`Only leads of team ${team.name} or admins can create schedules in team ${team.name}`);
      return deny(`Only leads of team ${team.name} or admins can ${action === 'schedule.update' ? 'change' : 'delete'} schedule ${schedule}`);
    }
    case 'schedule_override.create':
    case 'schedule_override.delete': {
      const { schedule, team, user } = r as AuthzResources['schedule_override.create'];
      if (hasRole(principal, team, 'lead')) return ALLOW;
      const verb = action === 'schedule_override.create' ? 'add' : 'remove';
      if (hasRole(principal, team, 'responder')) {
        if (principal.userId !== undefined && principal.userId === user.id) return ALLOW;
        return deny(`Responders of team ${team.name} may ${verb} overrides for themselves only; ${user.name}'s need a lead of team ${team.name} or an admin (schedule ${schedule})`);
      }
      return deny(`Only leads of team ${team.name} (and its responders, for themselves) or admins can ${verb} overrides of schedule ${schedule}`);
    }
    case 'calendar_feed.rotate':
    case 'calendar_feed.revoke': {
      const feed = r as CalendarFeedResource;
      const verb = action === 'calendar_feed.rotate' ? 'create or rotate' : 'revoke';
      if (feed.feed === 'user') {
        if (principal.userId !== undefined && principal.userId === feed.user.id) return ALLOW;
        return deny(`Only ${feed.user.name} or an admin can ${verb} ${feed.user.name}'s calendar feed`);
      }
      return hasRole(principal, feed.team, 'lead')
        ? ALLOW
        : deny(`Only leads of team ${feed.team.name} or admins can ${verb} the calendar feed of schedule ${feed.schedule}`);
    }
    // -- escalation policies: leads of the policy's team (and of the team it moves to)
    case 'escalation_policy.create': {
      const { policy, team } = r as EscalationPolicyResource;
      if (!team) return deny(`Only admins can create an escalation policy without a team (${policy})`);
      return hasRole(principal, team, 'lead') ? ALLOW : deny(`Only leads of team ${team.name} or admins can create escalation policies in team ${team.name}`);
    }
    case 'escalation_policy.update':
    case 'escalation_policy.delete': {
      const { policy, team, newTeam } = r as AuthzResources['escalation_policy.update'];
      const verb = action === 'escalation_policy.update' ? 'change' : 'delete';
      if (!team) return deny(`Escalation policy ${policy} belongs to no team: only admins can ${verb} it`);
      if (!hasRole(principal, team, 'lead')) return deny(`Only leads of team ${team.name} or admins can ${verb} escalation policy ${policy}`);
      if (newTeam && newTeam.id !== team.id && !hasRole(principal, newTeam, 'lead')) {
        return deny(`Only leads of team ${newTeam.name} or admins can move escalation policy ${policy} to team ${newTeam.name}`);
      }
      return ALLOW;
    }
  }
  // unreachable while the switch covers AuthzAction; denying is the safe default
  return deny(`No rule allows ${String(action)}`);
}

const RANK: Record<TeamRole, number> = { viewer: 0, responder: 1, lead: 2 };

function hasRole(principal: Principal, team: TeamRef, atLeast: TeamRole): boolean {
  const role = teamRoleOf(principal, team.id);
  return role !== undefined && RANK[role] >= RANK[atLeast];
}
