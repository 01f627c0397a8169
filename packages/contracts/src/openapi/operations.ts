import type { z } from 'zod';
import { auditLogQuery } from '../audit-log';
import { notificationListQuery } from '../contact-methods';
import { heartbeatListQuery } from '../heartbeats';
import { explainIncidentQuery, incidentListQuery } from '../incidents';
import { maintenanceWindowListQuery } from '../maintenance-windows';
import { unroutedListQuery } from '../routing-integrations';
import { listQuery } from '../primitives';
import { readinessQuery } from '../readiness';
import { stormListQuery } from '../storms';
import { insightsQuery } from '../insights';
import { twilioCallbackQuery } from '../twilio';
import { calendarQuery, listOverridesQuery, listSchedulesQuery, onCallQuery, previewQuery, rangeQuery, shiftsQuery } from '../schedules';
import type { RequestName, ResponseName } from './schemas';

/**
 * Who may call a route, as apps/api/src/app.ts mounts it (docs/api.md "Authentication"):
 * - none: no credential (health, the document itself)
 * - signIn: no credential yet; a browser's cross-site request is refused
 * - admin: an API key (or the bootstrap key) as Bearer, or the session cookie
 * - integration: the integration key as Bearer or as basic auth's password
 * - integrationUrl: the integration key in the URL
 * - routingKey: the integration key as the body's routing_key
 * - twilio, slack: the provider's signature
 * - calendar: the feed's token in the URL
 * - heartbeatUrl: a heartbeat's token in the URL
 * - heartbeatBearer: a heartbeat's token as Bearer
 * - metrics: METRICS_TOKEN as Bearer when it is set
 * - probeSignature: X-Heinrich-Signature with the probe webhook's signing secret (docs/monitoring.md "Synthetic probe")
 */
export type Access = 'none' | 'signIn' | 'admin' | 'integration' | 'integrationUrl' | 'routingKey' | 'twilio' | 'slack' | 'calendar' | 'heartbeatUrl' | 'heartbeatBearer' | 'metrics' | 'probeSignature';

/** A response: a JSON body named in schemas.ts, no body (null), or another media type. */
export type ResponseSpec = ResponseName | null | { mediaType: string; description: string; schema?: ResponseName };

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** in full, with {param} placeholders */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  query?: z.ZodType;
  /** a JSON body, or a form (application/x-www-form-urlencoded) */
  body?: RequestName | { form: RequestName };
  /** headers the route reads (besides credentials) */
  headers?: { name: string; description: string }[];
  /** success statuses; error statuses come from `access` and `errors` */
  responses: Record<number, ResponseSpec>;
  /** error statuses particular to this route */
  errors?: number[];
}

const IF_MATCH = { name: 'If-Match', description: 'the version the change is based on, as the ETag "3" (or send `version` in the body): 412 when stale' };
const TWIML = { mediaType: 'text/xml', description: 'TwiML (https://www.twilio.com/docs/voice/twiml), for Twilio to carry out' };
const ICS = { mediaType: 'text/calendar', description: 'RFC 5545 iCalendar: the shifts of the next weeks' };

/**
 * Every route of the api, by its path in full. A test (apps/api/src/routes/openapi/openapi.test.ts)
 * walks the routes the Express app registers and fails when this table misses one
 * or names one that does not exist.
 */
export const OPERATIONS: Operation[] = [
  // -- health and metrics
  { method: 'get', path: '/healthz', tag: 'Health', access: 'none', summary: 'The process is up and serving', responses: { 200: 'Health' } },
  {
    method: 'get',
    path: '/readyz',
    tag: 'Health',
    access: 'none',
    summary: 'Ready: Postgres answers (Redis is reported, but does not decide)',
    responses: { 200: 'Readiness', 503: 'Readiness' },
  },
  {
    method: 'get',
    path: '/metrics',
    tag: 'Health',
    access: 'metrics',
    summary: 'Prometheus metrics',
    responses: { 200: { mediaType: 'text/plain', description: 'Prometheus text exposition format 0.0.4' } },
  },
  { method: 'get', path: '/api/v1/openapi.json', tag: 'Health', access: 'none', summary: 'This document', responses: { 200: { mediaType: 'application/json', description: 'OpenAPI 3.1' } } },
  {
    method: 'get',
    path: '/api/v1/docs',
    tag: 'Health',
    access: 'none',
    summary: 'This document, browsable (Swagger UI, served by the api itself)',
    description: 'The page loads its files from /api/v1/docs/assets/ (static files, not operations) and this document from /api/v1/openapi.json.',
    responses: { 200: { mediaType: 'text/html', description: 'The API reference page' } },
  },

  // -- integrations
  {
    method: 'post',
    path: '/api/v1/integrations/alertmanager',
    tag: 'Integrations',
    access: 'integration',
    summary: "Alertmanager's webhook (webhook_config)",
    description: '200 only after the transaction committed; 503 with Retry-After when Postgres is away, so Alertmanager retries; 4xx for what a retry cannot fix.',
    body: 'AlertmanagerWebhook',
    responses: { 200: 'IngestSummary' },
  },
  {
    method: 'post',
    path: '/api/v1/integrations/alertmanager/{key}',
    tag: 'Integrations',
    access: 'integrationUrl',
    summary: "Alertmanager's webhook, the integration key in the URL",
    body: 'AlertmanagerWebhook',
    responses: { 200: 'IngestSummary' },
  },
  {
    method: 'post',
    path: '/api/v1/integrations/events',
    tag: 'Integrations',
    access: 'routingKey',
    summary: 'An event, PagerDuty Events API v2 shaped (routing_key: an events integration key)',
    description: "The credential is the body's routing_key (an integration key of type events), as PagerDuty's Events API v2 takes it; no header.",
    body: 'EventsApiEvent',
    responses: { 202: 'EventsApiResponse' },
  },

  // -- Twilio webhooks
  {
    method: 'post',
    path: '/api/v1/twilio/sms',
    tag: 'Twilio',
    access: 'twilio',
    summary: 'An SMS to our number (ack, resolve, STOP, START, HELP)',
    body: { form: 'TwilioSmsForm' },
    responses: { 200: TWIML },
  },
  { method: 'post', path: '/api/v1/twilio/voice', tag: 'Twilio', access: 'twilio', query: twilioCallbackQuery, summary: "A page call's TwiML, fetched by Twilio when it is answered", body: { form: 'TwilioVoiceForm' }, responses: { 200: TWIML } },
  { method: 'post', path: '/api/v1/twilio/voice/gather', tag: 'Twilio', access: 'twilio', query: twilioCallbackQuery, summary: 'The key pressed in a page call', body: { form: 'TwilioVoiceForm' }, responses: { 200: TWIML } },
  { method: 'post', path: '/api/v1/twilio/status', tag: 'Twilio', access: 'twilio', query: twilioCallbackQuery, summary: 'A message or call status callback', body: { form: 'TwilioStatusForm' }, responses: { 204: null } },

  // -- Slack
  {
    method: 'post',
    path: '/api/v1/slack/commands',
    tag: 'Slack',
    access: 'slack',
    summary: 'A slash command (/oncall): answered with an ephemeral message, problems included',
    body: { form: 'SlackCommandForm' },
    responses: { 200: 'SlashReply' },
  },
  {
    method: 'post',
    path: '/api/v1/slack/interactions',
    tag: 'Slack',
    access: 'slack',
    summary: 'A button click (Interactivity Request URL): 200 with no body once the click is committed',
    body: { form: 'SlackInteractionForm' },
    responses: { 200: null },
  },

  // -- heartbeat pings: the token is the credential
  { method: 'post', path: '/api/v1/heartbeats/{token}/ping', tag: 'Heartbeats', access: 'heartbeatUrl', summary: 'Ping a heartbeat (no credential but the URL, no body)', description: '404 for an unknown, deleted or rotated token. A ping of a down heartbeat resolves its incident.', responses: { 200: 'HeartbeatPing' } },
  { method: 'get', path: '/api/v1/heartbeats/{token}/ping', tag: 'Heartbeats', access: 'heartbeatUrl', summary: 'Ping a heartbeat, for senders that can only GET', responses: { 200: 'HeartbeatPing' } },
  {
    method: 'post',
    path: '/api/v1/probe/deliveries',
    tag: 'Integrations',
    access: 'probeSignature',
    summary: "The synthetic probe's page, delivered back to the api (the probe webhook; sent by Heinrich's own worker)",
    description: 'Signed like every webhook page (X-Heinrich-Signature, with the probe contact method\'s secret; 401 otherwise, and while there is no probe). Records the round trip of the probe run the incident belongs to; a repeated delivery changes nothing. docs/monitoring.md "Synthetic probe".',
    body: 'ProbeWebhook',
    responses: { 200: 'ProbeReceipt' },
  },
  { method: 'post', path: '/api/v1/integrations/heartbeat', tag: 'Integrations', access: 'heartbeatBearer', summary: "Ping a heartbeat, its token as Bearer (`Authorization: Bearer hb_...`)", responses: { 200: 'HeartbeatPing' } },
  // -- calendar feeds
  { method: 'get', path: '/api/v1/schedules/{id}/calendar.ics', tag: 'Schedules', access: 'calendar', summary: "A schedule's calendar feed", query: calendarQuery, responses: { 200: ICS } },
  { method: 'get', path: '/api/v1/users/{id}/on-call.ics', tag: 'Users', access: 'calendar', summary: "A user's on-call calendar feed", query: calendarQuery, responses: { 200: ICS } },

  // -- signing in
  {
    method: 'post',
    path: '/api/v1/auth/sign-in',
    tag: 'Auth',
    access: 'signIn',
    summary: 'Sign in: the caller (as /auth/me) and the session cookie',
    body: 'SignInBody',
    responses: { 200: 'Me' },
    errors: [429],
  },
  // ha: the accept-invite page says whose account it is
  {
    method: 'post',
    path: '/api/v1/auth/invite-holder',
    tag: 'Auth',
    access: 'signIn',
    summary: 'Whose account an invite token sets the password of: name and email, for a valid token only',
    description: '404 for a token that is invalid, expired or already used (nothing else is said about it). The token stays usable. POST so the token is never in a URL.',
    body: 'InviteHolderBody',
    responses: { 200: 'InviteHolder' },
    errors: [404],
  },
  { method: 'post', path: '/api/v1/auth/accept-invite', tag: 'Auth', access: 'signIn', summary: 'Set the password of an invite and sign in', body: 'AcceptInviteBody', responses: { 200: 'Me' }, errors: [429] },

  // -- admin API
  { method: 'get', path: '/api/v1/auth/me', tag: 'Auth', access: 'admin', summary: 'Who the credential is: user or API key, role, teams', responses: { 200: 'Me' } },
  { method: 'post', path: '/api/v1/auth/sign-out', tag: 'Auth', access: 'admin', summary: 'Revoke the session and clear its cookie', responses: { 204: null } },
  { method: 'post', path: '/api/v1/auth/change-password', tag: 'Auth', access: 'admin', summary: "Change your password (your other sessions end)", body: 'ChangePasswordBody', responses: { 204: null } },

  { method: 'post', path: '/api/v1/users', tag: 'Users', access: 'admin', summary: 'Create a user (admins)', body: 'CreateUserBody', responses: { 201: 'User' }, errors: [409] },
  { method: 'get', path: '/api/v1/users', tag: 'Users', access: 'admin', summary: 'List users, oldest first', query: listQuery, responses: { 200: 'UserPage' } },
  { method: 'get', path: '/api/v1/users/{id}', tag: 'Users', access: 'admin', summary: 'A user', responses: { 200: 'User' } },
  { method: 'patch', path: '/api/v1/users/{id}', tag: 'Users', access: 'admin', summary: 'Change a user (admins; a user their own name and time zone)', body: 'UpdateUserBody', responses: { 200: 'User' }, errors: [409] },
  { method: 'delete', path: '/api/v1/users/{id}', tag: 'Users', access: 'admin', summary: 'Delete a user (admins; not yourself)', responses: { 204: null }, errors: [409] },
  { method: 'post', path: '/api/v1/users/{id}/invite', tag: 'Users', access: 'admin', summary: 'A one-time invite link, shown this once (admins)', responses: { 201: 'Invite' } },
  { method: 'post', path: '/api/v1/users/{id}/calendar-feed', tag: 'Users', access: 'admin', summary: "Create or rotate the user's on-call feed URL (shown this once)", responses: { 201: 'CalendarFeed' } },
  { method: 'delete', path: '/api/v1/users/{id}/calendar-feed', tag: 'Users', access: 'admin', summary: "Revoke the user's feed URL", responses: { 204: null } },

  { method: 'post', path: '/api/v1/users/{id}/contact-methods', tag: 'Contact methods', access: 'admin', summary: 'Add a contact method (sms/voice get a verification code at once)', body: 'CreateContactMethodBody', responses: { 201: 'CreatedContactMethod' }, errors: [409] },
  { method: 'get', path: '/api/v1/users/{id}/contact-methods', tag: 'Contact methods', access: 'admin', summary: "A user's contact methods (never signing secrets)", responses: { 200: 'ContactMethodPage' } },
  { method: 'delete', path: '/api/v1/users/{id}/contact-methods/{methodId}', tag: 'Contact methods', access: 'admin', summary: 'Delete a contact method, with the rules using it', responses: { 204: null } },
  { method: 'post', path: '/api/v1/users/{id}/contact-methods/{methodId}/verify', tag: 'Contact methods', access: 'admin', summary: 'Verify a phone method with the code sent', body: 'VerifyContactMethodBody', responses: { 200: 'ContactMethod' }, errors: [409, 429] },
  { method: 'post', path: '/api/v1/users/{id}/contact-methods/{methodId}/send-verification', tag: 'Contact methods', access: 'admin', summary: 'Send a new verification code (one a minute)', responses: { 202: 'Verification' }, errors: [409, 429] },
  { method: 'post', path: '/api/v1/users/{id}/notification-rules', tag: 'Contact methods', access: 'admin', summary: 'Add a notification rule (which method, how long after a page)', body: 'CreateNotificationRuleBody', responses: { 201: 'CreatedNotificationRule' }, errors: [409] },
  // ht: test pages
  {
    method: 'post',
    path: '/api/v1/users/{id}/contact-methods/{methodId}/test',
    tag: 'Contact methods',
    access: 'admin',
    summary: 'Send a real test page to this one method (the person, their team leads, admins; one a minute per method)',
    responses: { 202: 'TestPage' },
    errors: [409, 429],
  },
  { method: 'get', path: '/api/v1/users/{id}/notification-rules', tag: 'Contact methods', access: 'admin', summary: "A user's notification rules, by delay", responses: { 200: 'NotificationRulePage' } },
  { method: 'delete', path: '/api/v1/users/{id}/notification-rules/{ruleId}', tag: 'Contact methods', access: 'admin', summary: 'Delete a notification rule', responses: { 204: null } },
  { method: 'get', path: '/api/v1/notifications', tag: 'Incidents', access: 'admin', summary: 'The delivery log: pages and their deliveries (incidentId or userId)', query: notificationListQuery, responses: { 200: 'NotificationPage' } },

  { method: 'post', path: '/api/v1/teams', tag: 'Teams', access: 'admin', summary: 'Create a team (admins)', body: 'CreateTeamBody', responses: { 201: 'Team' }, errors: [409] },
  { method: 'get', path: '/api/v1/teams', tag: 'Teams', access: 'admin', summary: 'List teams, oldest first, with members', query: listQuery, responses: { 200: 'TeamPage' } },
  { method: 'get', path: '/api/v1/teams/{id}', tag: 'Teams', access: 'admin', summary: 'A team', responses: { 200: 'Team' } },
  { method: 'patch', path: '/api/v1/teams/{id}', tag: 'Teams', access: 'admin', summary: 'Rename a team or replace its members', body: 'UpdateTeamBody', responses: { 200: 'Team' }, errors: [409] },
  { method: 'delete', path: '/api/v1/teams/{id}', tag: 'Teams', access: 'admin', summary: 'Delete a team (admins)', responses: { 204: null }, errors: [409] },

  { method: 'post', path: '/api/v1/api-keys', tag: 'API keys', access: 'admin', summary: 'Create an API key: the secret is shown this once (admins)', body: 'CreateApiKeyBody', responses: { 201: 'CreatedApiKey' } },
  { method: 'get', path: '/api/v1/api-keys', tag: 'API keys', access: 'admin', summary: 'List API keys (admins)', responses: { 200: 'ApiKeyPage' } },
  { method: 'delete', path: '/api/v1/api-keys/{id}', tag: 'API keys', access: 'admin', summary: 'Revoke an API key (also when already revoked)', responses: { 204: null } },
  { method: 'get', path: '/api/v1/audit-log', tag: 'Audit log', access: 'admin', summary: 'The audit log, newest first (admins)', query: auditLogQuery, responses: { 200: 'AuditEntryPage' } },

  { method: 'post', path: '/api/v1/services', tag: 'Services', access: 'admin', summary: 'Create a service', body: 'CreateServiceBody', responses: { 201: 'Service' }, errors: [409] },
  { method: 'get', path: '/api/v1/services', tag: 'Services', access: 'admin', summary: 'List services, oldest first', query: listQuery, responses: { 200: 'ServicePage' } },
  { method: 'get', path: '/api/v1/services/{id}', tag: 'Services', access: 'admin', summary: 'A service', responses: { 200: 'Service' } },
  { method: 'patch', path: '/api/v1/services/{id}', tag: 'Services', access: 'admin', summary: 'Change a service (only the fields present)', body: 'UpdateServiceBody', responses: { 200: 'Service' }, errors: [409] },
  { method: 'get', path: '/api/v1/services/{id}/alert-rules', tag: 'Services', access: 'admin', summary: "The service's alert rules, in evaluation order (docs/alert-rules.md)", responses: { 200: 'AlertRules' } },
  {
    method: 'put',
    path: '/api/v1/services/{id}/alert-rules',
    tag: 'Services',
    access: 'admin',
    summary: "Replace the service's ordered alert rules (leads of its team, admins; audit-logged)",
    description: 'Bad input is a 400 naming the field (rules.N.matchers.M for an invalid matcher or RE2 regex, rules.N.time.timeZone, rules.N.actions.routeToServiceId for a missing service or a loop between route rules).',
    body: 'PutAlertRulesBody',
    responses: { 200: 'AlertRules' },
  },
  { method: 'delete', path: '/api/v1/services/{id}', tag: 'Services', access: 'admin', summary: 'Delete a service', responses: { 204: null }, errors: [409] },
  { method: 'post', path: '/api/v1/services/{id}/integration-keys', tag: 'Services', access: 'admin', summary: 'Create an integration key: the secret, its URL and a snippet to paste, shown this once', body: 'CreateIntegrationKeyBody', responses: { 201: 'CreatedIntegrationKey' } },
  { method: 'get', path: '/api/v1/services/{id}/integration-keys', tag: 'Services', access: 'admin', summary: "A service's integration keys, never their secrets", responses: { 200: 'IntegrationKeyPage' } },
  { method: 'delete', path: '/api/v1/services/{id}/integration-keys/{keyId}', tag: 'Services', access: 'admin', summary: 'Revoke an integration key (also when already revoked)', responses: { 204: null } },
  { method: 'patch', path: '/api/v1/services/{id}/integration-keys/{keyId}', tag: 'Services', access: 'admin', summary: "Link an Alertmanager key's Watchdog to a heartbeat of the service (heartbeat: null unlinks)", description: '`warnings` when the heartbeat interval is too short for the Watchdog route (docs/heartbeats.md).', body: 'UpdateIntegrationKeyBody', responses: { 200: 'UpdatedIntegrationKey' } },

  { method: 'post', path: '/api/v1/heartbeats', tag: 'Heartbeats', access: 'admin', summary: 'Create a heartbeat monitor on a service: its token and ping URL, shown this once', body: 'CreateHeartbeatBody', responses: { 201: 'CreatedHeartbeat' }, errors: [409] },
  { method: 'get', path: '/api/v1/heartbeats', tag: 'Heartbeats', access: 'admin', summary: 'Heartbeat monitors (of one service with ?serviceId), their ping URLs masked', query: heartbeatListQuery, responses: { 200: 'HeartbeatPage' } },
  { method: 'get', path: '/api/v1/heartbeats/{id}', tag: 'Heartbeats', access: 'admin', summary: 'A heartbeat monitor', responses: { 200: 'Heartbeat' } },
  { method: 'patch', path: '/api/v1/heartbeats/{id}', tag: 'Heartbeats', access: 'admin', summary: 'Change a heartbeat (only the fields present)', description: "`warnings` when an Alertmanager key's Watchdog route would re-send too rarely for the new interval.", body: 'UpdateHeartbeatBody', responses: { 200: 'UpdatedHeartbeat' }, errors: [409] },
  { method: 'delete', path: '/api/v1/heartbeats/{id}', tag: 'Heartbeats', access: 'admin', summary: 'Delete a heartbeat (its URL stops working)', responses: { 204: null } },
  { method: 'post', path: '/api/v1/heartbeats/{id}/pause', tag: 'Heartbeats', access: 'admin', summary: 'Pause a heartbeat: no alerts until resumed', responses: { 200: 'Heartbeat' } },
  { method: 'post', path: '/api/v1/heartbeats/{id}/resume', tag: 'Heartbeats', access: 'admin', summary: 'Resume a heartbeat: back to new, alerting again after its next ping', responses: { 200: 'Heartbeat' } },
  { method: 'post', path: '/api/v1/heartbeats/{id}/rotate-token', tag: 'Heartbeats', access: 'admin', summary: 'A new token and ping URL, shown this once; the old URL stops working', responses: { 201: 'CreatedHeartbeat' } },
  { method: 'post', path: '/api/v1/maintenance-windows', tag: 'Maintenance windows', access: 'admin', summary: 'Create a maintenance window: services (and matchers) held from paging from start to end, or weekly (docs/maintenance-windows.md)', description: "400 naming the field for an end before the start, an unknown time zone, an invalid matcher, an unknown service. Leads of every team involved, or admins. `announce` (default true): each start and end is posted in the Slack channels of the services' escalation policies.", body: 'CreateMaintenanceWindowBody', responses: { 201: 'MaintenanceWindow' } },
  { method: 'get', path: '/api/v1/maintenance-windows', tag: 'Maintenance windows', access: 'admin', summary: 'Maintenance windows, newest first (?active=true: those covering now; ?serviceId)', query: maintenanceWindowListQuery, responses: { 200: 'MaintenanceWindowPage' } },
  { method: 'get', path: '/api/v1/maintenance-windows/{id}', tag: 'Maintenance windows', access: 'admin', summary: 'A maintenance window, with the stretch covering now and the next one', responses: { 200: 'MaintenanceWindow' } },
  { method: 'get', path: '/api/v1/maintenance-windows/{id}/incidents', tag: 'Maintenance windows', access: 'admin', summary: 'What a window held back: the incidents opened under it, and whom each would have paged', responses: { 200: 'MaintenanceHeldIncidentPage' } },
  { method: 'patch', path: '/api/v1/maintenance-windows/{id}', tag: 'Maintenance windows', access: 'admin', summary: 'Change a window: a later end extends it, an end now or past ends it now (held incidents still firing then page, and the end is announced in Slack once); reason; announce', body: 'UpdateMaintenanceWindowBody', responses: { 200: 'MaintenanceWindow' } },
  { method: 'post', path: '/api/v1/maintenance-windows/{id}/end', tag: 'Maintenance windows', access: 'admin', summary: 'End a window now (no body): held incidents still firing page within seconds', responses: { 200: 'MaintenanceWindow' } },
  { method: 'post', path: '/api/v1/routing-integrations', tag: 'Routing', access: 'admin', summary: 'Create a routing integration: one key for many services, ordered routes (first match wins), a catch-all (docs/routing.md)', description: '201 with the key, shown this once. 400 naming the field for an invalid matcher or regex (routes.N.matchers.M), a route with no or two targets, a route or catch-all to a missing service. Admins; for a team-owned one, leads of that team.', body: 'RoutingIntegrationBody', responses: { 201: 'CreatedRoutingIntegration' } },
  { method: 'get', path: '/api/v1/routing-integrations', tag: 'Routing', access: 'admin', summary: 'Routing integrations, by name (never their keys)', responses: { 200: 'RoutingIntegrationPage' } },
  { method: 'post', path: '/api/v1/routing-integrations/preview', tag: 'Routing', access: 'admin', summary: 'Preview draft routes against an Alertmanager payload (or the last 100 alerts received): per alert the route, the service, whom it would page', description: 'Saves nothing; the same 400s as saving the draft.', body: 'RoutingPreviewBody', responses: { 200: 'RoutingPreview' } },
  { method: 'get', path: '/api/v1/routing-integrations/{id}', tag: 'Routing', access: 'admin', summary: 'A routing integration', responses: { 200: 'RoutingIntegration' } },
  { method: 'put', path: '/api/v1/routing-integrations/{id}', tag: 'Routing', access: 'admin', summary: 'Replace a routing integration: name, team, the ordered routes and the catch-all at once', description: 'The same 400s as the create. Audit-logged.', body: 'RoutingIntegrationBody', responses: { 200: 'RoutingIntegration' } },
  { method: 'delete', path: '/api/v1/routing-integrations/{id}', tag: 'Routing', access: 'admin', summary: 'Delete a routing integration: its key stops working', responses: { 204: null } },
  { method: 'get', path: '/api/v1/routing-integrations/{id}/unrouted', tag: 'Routing', access: 'admin', summary: 'Alerts it dropped or sent to its catch-all, newest first, with the reason (heinrich_routing_unrouted_alerts_total counts them)', query: unroutedListQuery, responses: { 200: 'UnroutedAlertPage' } },
  // h21: a routing integration's own alert rules
  { method: 'get', path: '/api/v1/routing-integrations/{id}/alert-rules', tag: 'Routing', access: 'admin', summary: "The routing integration's alert rules, in evaluation order: they run on each alert before its routes (docs/alert-rules.md)", responses: { 200: 'RoutingAlertRules' } },
  {
    method: 'put',
    path: '/api/v1/routing-integrations/{id}/alert-rules',
    tag: 'Routing',
    access: 'admin',
    summary: "Replace the routing integration's ordered alert rules (admins; leads of its team; audit-logged)",
    description: "The body and the 400s of a service's alert rules (rules.N.matchers.M, rules.N.time.timeZone, rules.N.actions.routeToServiceId for a missing service). The labels they set are what the routes match; a routeToServiceId takes the alert past the routes.",
    body: 'PutAlertRulesBody',
    responses: { 200: 'RoutingAlertRules' },
  },
  { method: 'delete', path: '/api/v1/maintenance-windows/{id}', tag: 'Maintenance windows', access: 'admin', summary: 'Delete a window: what it still held is released (pages if it still fires)', responses: { 204: null } },
  { method: 'get', path: '/api/v1/incidents', tag: 'Incidents', access: 'admin', summary: 'List incidents, newest first', query: incidentListQuery, responses: { 200: 'IncidentPage' } },
  { method: 'post', path: '/api/v1/incidents', tag: 'Incidents', access: 'admin', summary: 'Open an incident by hand, optionally paging people directly', body: 'CreateIncidentBody', responses: { 201: 'IncidentDetail' }, errors: [409] },
  { method: 'get', path: '/api/v1/incidents/{id}', tag: 'Incidents', access: 'admin', summary: 'An incident with its alerts and timeline', responses: { 200: 'IncidentDetail' } },
  {
    method: 'get',
    path: '/api/v1/incidents/{id}/explain',
    tag: 'Incidents',
    access: 'admin',
    summary: 'Why each person was (or was not) paged, from the recorded events',
    query: explainIncidentQuery,
    responses: { 200: 'Explanation' },
  },
  { method: 'post', path: '/api/v1/incidents/{id}/acknowledge', tag: 'Incidents', access: 'admin', summary: 'Acknowledge (repeating changes nothing; a resolved incident is a 409)', responses: { 200: 'IncidentDetail' }, errors: [409] },
  { method: 'post', path: '/api/v1/incidents/{id}/resolve', tag: 'Incidents', access: 'admin', summary: 'Resolve (repeating changes nothing)', responses: { 200: 'IncidentDetail' }, errors: [409] },
  { method: 'post', path: '/api/v1/incidents/{id}/notes', tag: 'Incidents', access: 'admin', summary: 'Add a note to the timeline', body: 'IncidentNoteBody', responses: { 201: 'TimelineEvent' } },
  { method: 'post', path: '/api/v1/incidents/{id}/escalate', tag: 'Incidents', access: 'admin', summary: 'Escalate now (to the next step, or toStep)', body: 'EscalateIncidentBody', responses: { 202: 'IncidentDetail' }, errors: [409] },
  {
    method: 'post',
    path: '/api/v1/incidents/{id}/silence',
    tag: 'Incidents',
    access: 'admin',
    summary: "Acknowledge and silence the incident's alerts in Alertmanager",
    description: '201 with the new silence; 200 with the silence in force when silenced already; 409 when it cannot be; 503 when Alertmanager refused or did not answer (nothing changed).',
    body: 'SilenceIncidentBody',
    responses: { 200: 'SilenceIncidentResult', 201: 'SilenceIncidentResult' },
    errors: [409],
  },
  { method: 'delete', path: '/api/v1/incidents/{id}/silence', tag: 'Incidents', access: 'admin', summary: "Expire the incident's silence in Alertmanager", responses: { 200: 'UnsilenceIncidentResult' } },
  {
    method: 'post',
    path: '/api/v1/incidents/bulk-status',
    tag: 'Incidents',
    access: 'admin',
    summary: 'Acknowledge or resolve several incidents at once (up to 100), with one result per id',
    description:
      'Each incident is authorized and changed as by POST /api/v1/incidents/{id}/acknowledge (/resolve): its timeline entry, its escalation stopped. Those the caller may not act on (`forbidden`), unknown (`not_found`) or resolved when acknowledging (`conflict`) are reported in `results` and left alone; a 403 (404) when the caller may act on none. One audit entry (`incident.bulk_acknowledge`, `incident.bulk_resolve`) when anything changed. Repeating changes nothing (`changed: 0`).',
    body: 'BulkIncidentStatusBody',
    responses: { 200: 'BulkIncidentStatusResult' },
  },
  // -- storms (docs/noise.md "Storm mode")
  { method: 'get', path: '/api/v1/storms', tag: 'Incidents', access: 'admin', summary: 'List storms, newest first (serviceId, active)', query: stormListQuery, responses: { 200: 'StormPage' } },
  { method: 'get', path: '/api/v1/storms/{id}', tag: 'Incidents', access: 'admin', summary: 'A storm: its service, start and end, the storm page, its incidents, counts by alertname, totals', description: '400 for an id that is not a UUID, 404 for an unknown one.', responses: { 200: 'StormDetail' } },
  {
    method: 'post',
    path: '/api/v1/storms/{id}/acknowledge',
    tag: 'Incidents',
    access: 'admin',
    summary: "Acknowledge-all: every open, unacknowledged incident of the storm (the storm page included)",
    description: 'Each incident is acknowledged as by POST /api/v1/incidents/{id}/acknowledge (its timeline entry, its escalation stopped); audit-logged. Repeating changes nothing (`changed: 0`). Who may: whoever may acknowledge the storm page.',
    responses: { 200: 'StormActionResult' },
  },
  {
    method: 'post',
    path: '/api/v1/storms/{id}/resolve',
    tag: 'Incidents',
    access: 'admin',
    summary: 'Resolve-all: every open incident of the storm (the storm page included)',
    description: 'Each incident is resolved as by POST /api/v1/incidents/{id}/resolve; audit-logged. Repeating changes nothing (`changed: 0`).',
    responses: { 200: 'StormActionResult' },
  },

  { method: 'post', path: '/api/v1/schedules', tag: 'Schedules', access: 'admin', summary: 'Create a schedule (version 1, with its ETag)', body: 'CreateScheduleBody', responses: { 201: 'Schedule' } },
  { method: 'get', path: '/api/v1/schedules', tag: 'Schedules', access: 'admin', summary: 'List schedules, oldest first', query: listSchedulesQuery, responses: { 200: 'SchedulePage' } },
  { method: 'get', path: '/api/v1/schedules/{id}', tag: 'Schedules', access: 'admin', summary: 'A schedule, with ETag: "<version>"', responses: { 200: 'Schedule' } },
  {
    method: 'patch',
    path: '/api/v1/schedules/{id}',
    tag: 'Schedules',
    access: 'admin',
    summary: 'Change a schedule (based on a version: If-Match or `version`)',
    description: '412 when If-Match is stale, 409 when `version` is stale, 428 when neither is sent.',
    body: 'UpdateScheduleBody',
    headers: [IF_MATCH],
    responses: { 200: 'Schedule' },
    errors: [409, 412, 428],
  },
  { method: 'delete', path: '/api/v1/schedules/{id}', tag: 'Schedules', access: 'admin', summary: 'Delete a schedule, its overrides and feed', responses: { 204: null }, errors: [409] },
  { method: 'get', path: '/api/v1/schedules/{id}/on-call', tag: 'Schedules', access: 'admin', summary: 'Who is on call at `at` (default now), and why', query: onCallQuery, responses: { 200: 'OnCall' } },
  { method: 'get', path: '/api/v1/schedules/{id}/shifts', tag: 'Schedules', access: 'admin', summary: 'The final timeline of [from, to), at most a year', query: shiftsQuery, responses: { 200: 'Shifts' } },
  { method: 'get', path: '/api/v1/schedules/{id}/gaps', tag: 'Schedules', access: 'admin', summary: 'The stretches with nobody on call in [from, to)', query: rangeQuery, responses: { 200: 'Gaps' } },
  { method: 'post', path: '/api/v1/schedules/preview', tag: 'Schedules', access: 'admin', summary: 'What a new schedule would do over the next weeks: who is on call, every gap (saves nothing)', query: previewQuery, body: 'PreviewNewScheduleBody', responses: { 200: 'SchedulePreview' } },
  { method: 'post', path: '/api/v1/schedules/{id}/preview', tag: 'Schedules', access: 'admin', summary: 'What a proposed PATCH would change over the next weeks (saves nothing)', query: previewQuery, body: 'UpdateScheduleBody', responses: { 200: 'SchedulePreview' } },
  { method: 'post', path: '/api/v1/schedules/{id}/overrides', tag: 'Schedules', access: 'admin', summary: 'Put someone on call for a while', body: 'CreateOverrideBody', responses: { 201: 'Override' } },
  { method: 'get', path: '/api/v1/schedules/{id}/overrides', tag: 'Schedules', access: 'admin', summary: 'Overrides overlapping [from (default now), to), by start', query: listOverridesQuery, responses: { 200: 'OverridePage' } },
  {
    method: 'delete',
    path: '/api/v1/schedules/{id}/overrides/{overrideId}',
    tag: 'Schedules',
    access: 'admin',
    summary: 'Remove an override: 204 when it had not begun, 200 with it cut to end now when in progress, 409 when over',
    responses: { 200: 'Override', 204: null },
    errors: [409],
  },
  { method: 'post', path: '/api/v1/schedules/{id}/calendar-feed', tag: 'Schedules', access: 'admin', summary: "Create or rotate the schedule's feed URL (shown this once)", responses: { 201: 'CalendarFeed' } },
  { method: 'delete', path: '/api/v1/schedules/{id}/calendar-feed', tag: 'Schedules', access: 'admin', summary: "Revoke the schedule's feed URL", responses: { 204: null } },

  { method: 'post', path: '/api/v1/escalation-policies', tag: 'Escalation policies', access: 'admin', summary: 'Create an escalation policy', body: 'CreateEscalationPolicyBody', responses: { 201: 'EscalationPolicy' } },
  { method: 'get', path: '/api/v1/escalation-policies', tag: 'Escalation policies', access: 'admin', summary: 'List escalation policies, oldest first', query: listQuery, responses: { 200: 'EscalationPolicyPage' } },
  { method: 'get', path: '/api/v1/escalation-policies/{id}', tag: 'Escalation policies', access: 'admin', summary: 'An escalation policy', responses: { 200: 'EscalationPolicy' } },
  { method: 'patch', path: '/api/v1/escalation-policies/{id}', tag: 'Escalation policies', access: 'admin', summary: 'Change a policy (`steps` replaces all steps)', body: 'UpdateEscalationPolicyBody', responses: { 200: 'EscalationPolicy' } },
  { method: 'delete', path: '/api/v1/escalation-policies/{id}', tag: 'Escalation policies', access: 'admin', summary: 'Delete a policy (409 while a service uses it)', responses: { 204: null }, errors: [409] },
  {
    method: 'post',
    path: '/api/v1/escalation-policies/{id}/simulate',
    tag: 'Escalation policies',
    access: 'admin',
    summary: 'Who would be notified, how and when, if an incident opened at `at` (read only)',
    body: 'SimulateBody',
    responses: { 200: 'Simulation' },
  },
  // -- insights (docs/insights.md), i23
  {
    method: 'get',
    path: '/api/v1/insights',
    tag: 'Insights',
    access: 'admin',
    summary: "Heinrich's pyramid (major : minor : near miss), response, people, noise and recurring incidents over a period",
    description:
      'Computed live from incidents, alerts, pages and timeline entries (docs/insights.md states the definitions). Default period: the 28 days before `to` (default now); at most 366 days. Scope: admins see every service; others the services of their teams (403 for a team or service outside them). Test pages and the synthetic probe are never counted.',
    query: insightsQuery,
    responses: { 200: 'Insights' },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/v1/insights/{table}.csv',
    tag: 'Insights',
    access: 'admin',
    summary: 'One table of the insights report as CSV: pyramid, response, people, noise or recurring',
    description: 'The same query and scope as GET /api/v1/insights; RFC 4180 CSV with a header line.',
    query: insightsQuery,
    responses: { 200: { mediaType: 'text/csv', description: 'the table, one line per row' } },
    errors: [404],
  },
  // u23: paging readiness (docs/insights.md "Paging readiness")
  {
    method: 'get',
    path: '/api/v1/readiness',
    tag: 'Insights',
    access: 'admin',
    summary: 'Holes in the paging setup over the next 14 days: schedule gaps, steps that page nobody, unreachable or slow responders, unused objects, silent integrations',
    description: 'Read only, for every authenticated caller. `teamId` narrows to the findings about that team\'s objects.',
    query: readinessQuery,
    responses: { 200: 'PagingReadiness' },
  },
  { method: 'get', path: '/api/v1/teams/{id}/settings', tag: 'Teams', access: 'admin', summary: "A team's time zone and weekly Slack digest (the defaults when never set)", responses: { 200: 'TeamSettings' } },
  { method: 'put', path: '/api/v1/teams/{id}/settings', tag: 'Teams', access: 'admin', summary: "Replace a team's time zone and weekly Slack digest (leads of the team, admins)", body: 'TeamSettingsBody', responses: { 200: 'TeamSettings' } },
];
