/** A person's global role. */
export type UserRole = 'admin' | 'user';

/** A member's role in one team: leads change the team's things, responders act on its incidents, viewers read. */
export type TeamRole = 'lead' | 'responder' | 'viewer';

/**
 * How the caller authenticated. `page`: the page itself, an SMS reply code or
 * a keypress in the page call, given to one person for one incident (it may
 * only act on that incident: `incident.act_as_paged`).
 */
export type CredentialKind = 'bootstrap' | 'api-key' | 'session' | 'page';

/**
 * Who is calling, as authentication established it: the one input of
 * `authorize`. Built by the api's authentication (apps/api/src/http/authenticate.ts).
 */
export interface Principal {
  kind: CredentialKind;
  /** sessions: the signed-in user */
  userId?: string;
  /** sessions: the session, so "sign out" and "change password" know which one is current */
  sessionId?: string;
  /** api-key: the key */
  apiKeyId?: string;
  role: UserRole;
  /** the caller's role in each team it belongs to, by team id */
  teamRoles: Readonly<Record<string, TeamRole>>;
  /** an API key with a team role but no team: that role in every team */
  everyTeamRole?: TeamRole;
  /** page: the incident the page was sent for (the person paged is `userId`) */
  pagedIncidentId?: string;
  /** how timelines and the audit log name the caller: "Alice", "API key 'deploy-bot'", "the admin API key" */
  display: string;
  /** where the call came from: `ui` (a browser session), `api` (a key), `sms` or `voice` (a page) */
  via: string;
}

/** Who did something, as the incident timeline records it. */
export interface Actor {
  /** "user:<id>", "api-key:<id>", "api-key:bootstrap", "integration-key:<id>", "system" */
  id: string;
  /** shown on the timeline: "Alice", "the admin API key" */
  display: string;
  /** api | ui | slack | sms | voice | events */
  via: string;
}

/** Who changed configuration, as the audit log records it. */
export interface AuditActor {
  id: string;
  display: string;
  /** session | api-key | bootstrap | invite (accepting an invite, before any session exists) */
  credential: CredentialKind | 'invite';
}

/** The stable actor id of a principal: "user:<id>", "api-key:<id>" or "api-key:bootstrap". */
export function principalId(p: Principal): string {
  if (p.kind === 'bootstrap') return 'api-key:bootstrap';
  if (p.kind === 'api-key') return `api-key:${p.apiKeyId}`;
  return `user:${p.userId}`;
}

/** The timeline's view of a principal: "Alice via ui", "API key 'deploy-bot' via api". */
export function actorOf(p: Principal): Actor {
  return { id: principalId(p), display: p.display, via: p.via };
}

/** The audit log's view of a principal. */
export function auditActorOf(p: Principal): AuditActor {
  return { id: principalId(p), display: p.display, credential: p.kind };
}

/** HEINRICH_ADMIN_API_KEY: an admin of everything, named as before on timelines. */
export const BOOTSTRAP_PRINCIPAL: Principal = Object.freeze({
  kind: 'bootstrap',
  role: 'admin',
  teamRoles: Object.freeze({}),
  display: 'the admin API key',
  via: 'api',
});

/**
 * The person paged, acting from the page (an SMS reply code, a keypress in the
 * page call) on the incident it was sent for: no role, only `incident.act_as_paged`.
 * Timelines name them as a signed-in person: "Alice via sms", actor `user:<id>`.
 */
export function pagePrincipal(user: { id: string; name: string }, pagedIncidentId: string, via: 'sms' | 'voice'): Principal {
  return { kind: 'page', userId: user.id, role: 'user', teamRoles: {}, pagedIncidentId, display: user.name, via };
}

/** The caller's role in a team: its membership, else an unscoped key's role, else none. */
export function teamRoleOf(p: Principal, teamId: string): TeamRole | undefined {
  return p.teamRoles[teamId] ?? p.everyTeamRole;
}
