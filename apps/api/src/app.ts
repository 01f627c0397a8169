import { AppError } from '@heinrich/core/app-error';
import express, { Router } from 'express';
import type { AppDeps } from './app-deps';
import { errorHandler } from './http/error-handler';
import { observeRequests } from './http/metrics';
import { authenticate, refuseCrossSite } from './http/authenticate';
import { jsonBody } from './http/require-json';
import { securityHeaders } from './http/security-headers';
import { serveWebApp } from './http/serve-web';
import { createApiKeyRoute } from './routes/api-keys/create-api-key.route';
import { listApiKeysRoute } from './routes/api-keys/list-api-keys.route';
import { revokeApiKeyRoute } from './routes/api-keys/revoke-api-key.route';
import { listAuditLogRoute } from './routes/audit-log/list-audit-log.route';
import { acceptInviteRoute } from './routes/auth/accept-invite.route';
// ha:
import { inviteHolderRoute } from './routes/auth/invite-holder.route';
import { changePasswordRoute } from './routes/auth/change-password.route';
import { meRoute } from './routes/auth/me.route';
import { signInRoute } from './routes/auth/sign-in.route';
import { signOutRoute } from './routes/auth/sign-out.route';
import { createEscalationPolicyRoute } from './routes/escalation-policies/create-escalation-policy.route';
import { deleteEscalationPolicyRoute } from './routes/escalation-policies/delete-escalation-policy.route';
import { getEscalationPolicyRoute } from './routes/escalation-policies/get-escalation-policy.route';
import { listEscalationPoliciesRoute } from './routes/escalation-policies/list-escalation-policies.route';
import { updateEscalationPolicyRoute } from './routes/escalation-policies/update-escalation-policy.route';
import { healthz, metrics, readyz } from './routes/health/health.route';
import { addIncidentNoteRoute } from './routes/incidents/add-incident-note.route';
import { escalateIncidentRoute } from './routes/incidents/escalate-incident.route';
import { getIncidentRoute } from './routes/incidents/get-incident.route';
import { createIncidentRoute } from './routes/incidents/create-incident.route';
import { listIncidentsRoute } from './routes/incidents/list-incidents.route';
import { setIncidentStatusRoute } from './routes/incidents/set-incident-status.route';
import { silenceIncidentRoute, unsilenceIncidentRoute } from './routes/incidents/silence-incident.route';
import { deleteHeartbeatRoute, pauseHeartbeatRoute, rotateHeartbeatTokenRoute, updateHeartbeatRoute } from './routes/heartbeats/change-heartbeat.route';
import { createHeartbeatRoute } from './routes/heartbeats/create-heartbeat.route';
import { getHeartbeatRoute, listHeartbeatsRoute } from './routes/heartbeats/list-heartbeats.route';
import { pingHeartbeatRoute } from './routes/heartbeats/ping-heartbeat.route';
import { receiveProbeWebhookRoute } from './routes/probe/receive-probe-webhook.route';
import { deleteMaintenanceWindowRoute, endMaintenanceWindowRoute, updateMaintenanceWindowRoute } from './routes/maintenance-windows/change-maintenance-window.route';
import { createMaintenanceWindowRoute } from './routes/maintenance-windows/create-maintenance-window.route';
import { createRoutingIntegrationRoute, deleteRoutingIntegrationRoute, replaceRoutingIntegrationRoute } from './routes/routing-integrations/manage-routing-integration.route';
import { previewRoutingRoute } from './routes/routing-integrations/preview-routing.route';
import { getRoutingIntegrationRoute, listRoutingIntegrationsRoute, listUnroutedAlertsRoute } from './routes/routing-integrations/read-routing-integrations.route';
// h21: a routing integration's own alert rules
import { getRoutingAlertRulesRoute, putRoutingAlertRulesRoute } from './routes/routing-integrations/routing-alert-rules.route';
import { getMaintenanceWindowRoute, listMaintenanceWindowsRoute, listWindowIncidentsRoute } from './routes/maintenance-windows/list-maintenance-windows.route';
import { createIntegrationKeyRoute } from './routes/integration-keys/create-integration-key.route';
import { listIntegrationKeysRoute } from './routes/integration-keys/list-integration-keys.route';
import { revokeIntegrationKeyRoute } from './routes/integration-keys/revoke-integration-key.route';
import { updateIntegrationKeyRoute } from './routes/integration-keys/update-integration-key.route';
import { receiveAlertmanager } from './routes/integrations/receive-alertmanager.route';
import { receiveEvent } from './routes/integrations/receive-event.route';
import { slackCommandsRoute } from './routes/slack/commands.route';
import { slackInteractionsRoute } from './routes/slack/interactions.route';
import { createOverrideRoute } from './routes/schedules/create-override.route';
import { createScheduleRoute } from './routes/schedules/create-schedule.route';
import { deleteOverrideRoute } from './routes/schedules/delete-override.route';
import { deleteScheduleRoute } from './routes/schedules/delete-schedule.route';
import { getGapsRoute } from './routes/schedules/get-gaps.route';
import { getOnCallRoute } from './routes/schedules/get-on-call.route';
import { getScheduleRoute } from './routes/schedules/get-schedule.route';
import { getShiftsRoute } from './routes/schedules/get-shifts.route';
import { listOverridesRoute } from './routes/schedules/list-overrides.route';
import { listSchedulesRoute } from './routes/schedules/list-schedules.route';
import { previewScheduleRoute } from './routes/schedules/preview-schedule.route';
import { previewNewScheduleRoute } from './routes/schedules/preview-new-schedule.route';
import { readCalendarFeedRoute } from './routes/schedules/read-calendar-feed.route';
import { revokeCalendarFeedRoute } from './routes/schedules/revoke-calendar-feed.route';
import { rotateCalendarFeedRoute } from './routes/schedules/rotate-calendar-feed.route';
import { updateScheduleRoute } from './routes/schedules/update-schedule.route';
import { getAlertRulesRoute, putAlertRulesRoute } from './routes/services/alert-rules.route';
import { createServiceRoute } from './routes/services/create-service.route';
import { deleteServiceRoute } from './routes/services/delete-service.route';
import { getServiceRoute } from './routes/services/get-service.route';
import { listServicesRoute } from './routes/services/list-services.route';
import { updateServiceRoute } from './routes/services/update-service.route';
import { createTeamRoute } from './routes/teams/create-team.route';
import { deleteTeamRoute } from './routes/teams/delete-team.route';
import { getTeamRoute } from './routes/teams/get-team.route';
import { listTeamsRoute } from './routes/teams/list-teams.route';
import { updateTeamRoute } from './routes/teams/update-team.route';
import { createContactMethodRoute } from './routes/contact-methods/create-contact-method.route';
import { deleteContactMethodRoute } from './routes/contact-methods/delete-contact-method.route';
import { listContactMethodsRoute } from './routes/contact-methods/list-contact-methods.route';
import { sendVerificationRoute } from './routes/contact-methods/send-verification.route';
// ht: test pages
import { sendTestPageRoute } from './routes/contact-methods/send-test-page.route';
import { verifyContactMethodRoute } from './routes/contact-methods/verify-contact-method.route';
import { receiveSmsRoute } from './routes/twilio/receive-sms.route';
import { twilioStatusRoute } from './routes/twilio/status.route';
import { twilioWebhook } from './routes/twilio/twilio-webhook';
import { voiceCallRoute, voiceGatherRoute } from './routes/twilio/voice.route';
import { simulateEscalationPolicyRoute } from './routes/escalation-policies/simulate-escalation-policy.route';
import { explainIncidentRoute } from './routes/incidents/explain-incident.route';
import { getReadinessRoute } from './routes/readiness/get-readiness.route';
import { getTeamSettingsRoute, putTeamSettingsRoute } from './routes/teams/team-settings.route';
import { bulkIncidentStatusRoute } from './routes/incidents/bulk-incident-status.route';
import { actOnStormRoute } from './routes/storms/act-on-storm.route';
import { getStormRoute } from './routes/storms/get-storm.route';
import { listStormsRoute } from './routes/storms/list-storms.route';
import { getInsightsCsvRoute, getInsightsRoute } from './routes/insights/get-insights.route';
import { listNotificationsRoute } from './routes/notifications/list-notifications.route';
import { apiReferenceAssets, apiReferenceRoute, API_REFERENCE_ASSETS } from './routes/openapi/api-reference.route';
import { openApiRoute } from './routes/openapi/openapi.route';
import { createNotificationRuleRoute } from './routes/notification-rules/create-notification-rule.route';
import { deleteNotificationRuleRoute } from './routes/notification-rules/delete-notification-rule.route';
import { listNotificationRulesRoute } from './routes/notification-rules/list-notification-rules.route';
import { createUserRoute } from './routes/users/create-user.route';
import { deleteUserRoute } from './routes/users/delete-user.route';
import { getUserRoute } from './routes/users/get-user.route';
import { inviteUserRoute } from './routes/users/invite-user.route';
import { listUsersRoute } from './routes/users/list-users.route';
import { updateUserRoute } from './routes/users/update-user.route';

/**
 * The HTTP application, without listening. This file is the routing table:
 * every route, with the credential it takes (docs/api.md, docs/authorization.md),
 * is listed here. Who may call a write route is decided by `authorize`
 * (packages/core/src/authz/authorize.ts), which its use case asks.
 */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxy);
  app.use(observeRequests(deps.metrics));
  // CSP, frame, sniffing and referrer headers on the UI and the API alike
  app.use(securityHeaders());

  // -- no credential
  app.get('/healthz', healthz());
  app.get('/readyz', readyz(deps));
  app.get('/metrics', metrics(deps));
  // the OpenAPI document of every route below (packages/contracts/src/openapi); before the admin router's authenticate
  app.get('/api/v1/openapi.json', openApiRoute());
  // ... browsable: Swagger UI, its files from node_modules (no CDN), under the same CSP as the UI
  app.get('/api/v1/docs', apiReferenceRoute());
  app.use(API_REFERENCE_ASSETS, apiReferenceAssets());

  const json = jsonBody(deps.config.maxBodyBytes);

  // -- integrations: the integration key (Bearer header, basic-auth password, or URL)
  const integrations = Router();
  // a whole Alertmanager group must fit: its own, larger limit (docs/noise.md#never-reject-by-volume)
  const alertmanagerJson = jsonBody(deps.config.alertmanagerMaxBodyBytes, 'ALERTMANAGER_MAX_BODY_BYTES');
  integrations.post('/alertmanager', alertmanagerJson, receiveAlertmanager(deps));
  integrations.post('/alertmanager/:key', alertmanagerJson, receiveAlertmanager(deps));
  integrations.post('/events', json, receiveEvent(deps));
  integrations.post('/heartbeat', pingHeartbeatRoute(deps, 'bearer'));
  app.use('/api/v1/integrations', integrations);

  // -- Twilio webhooks: X-Twilio-Signature over PUBLIC_URL + path (403 without it; 503 without Twilio credentials)
  const twilio = twilioWebhook(deps);
  app.post('/api/v1/twilio/sms', twilio, receiveSmsRoute(deps));
  app.post('/api/v1/twilio/voice', twilio, voiceCallRoute(deps));
  app.post('/api/v1/twilio/voice/gather', twilio, voiceGatherRoute(deps));
  app.post('/api/v1/twilio/status', twilio, twilioStatusRoute(deps));

  // -- Slack: the v0 signature over the raw body (401 without it; 503 without SLACK_SIGNING_SECRET)
  app.post('/api/v1/slack/commands', slackCommandsRoute(deps));
  app.post('/api/v1/slack/interactions', slackInteractionsRoute(deps));

  // -- heartbeat pings: the token in the URL is the credential (cron jobs and checkers send nothing else; no body is read)
  app.post('/api/v1/heartbeats/:token/ping', pingHeartbeatRoute(deps, 'url'));
  app.get('/api/v1/heartbeats/:token/ping', pingHeartbeatRoute(deps, 'url'));

  // -- the synthetic probe's page coming back: X-Heinrich-Signature with the probe webhook's secret (401 without it)
  app.post('/api/v1/probe/deliveries', receiveProbeWebhookRoute(deps));

  // -- calendar feeds: the unguessable, rotatable token in the URL (calendar apps send nothing else)
  app.get('/api/v1/schedules/:id/calendar.ics', readCalendarFeedRoute(deps, 'schedule'));
  app.get('/api/v1/users/:id/on-call.ics', readCalendarFeedRoute(deps, 'user'));

  // -- signing in: no credential yet (a browser's cross-site request is refused)
  const noCredential = [refuseCrossSite(deps), ...json];
  app.post('/api/v1/auth/sign-in', noCredential, signInRoute(deps));
  app.post('/api/v1/auth/accept-invite', noCredential, acceptInviteRoute(deps));
  // ha: whose account an invite sets the password of
  app.post('/api/v1/auth/invite-holder', noCredential, inviteHolderRoute(deps));

  // -- admin API: Authorization: Bearer <API key or bootstrap key>, or the session
  // cookie (unsafe methods need an Origin of PUBLIC_URL). Every caller reads;
  // writes are authorized per action by their use case (403 with the reason).
  const admin = Router();
  admin.use(authenticate(deps));
  admin.use(json);
  admin.get('/auth/me', meRoute(deps));
  admin.post('/auth/sign-out', signOutRoute(deps));
  admin.post('/auth/change-password', changePasswordRoute(deps));
  admin.post('/users', createUserRoute(deps));
  admin.get('/users', listUsersRoute(deps));
  admin.get('/users/:id', getUserRoute(deps));
  admin.patch('/users/:id', updateUserRoute(deps));
  admin.delete('/users/:id', deleteUserRoute(deps));
  admin.post('/users/:id/invite', inviteUserRoute(deps));
  admin.post('/users/:id/contact-methods', createContactMethodRoute(deps));
  admin.get('/users/:id/contact-methods', listContactMethodsRoute(deps));
  admin.delete('/users/:id/contact-methods/:methodId', deleteContactMethodRoute(deps));
  admin.post('/users/:id/contact-methods/:methodId/verify', verifyContactMethodRoute(deps));
  admin.post('/users/:id/contact-methods/:methodId/send-verification', sendVerificationRoute(deps));
  // ht: a test page to one contact method (issue 22)
  admin.post('/users/:id/contact-methods/:methodId/test', sendTestPageRoute(deps));
  admin.post('/users/:id/notification-rules', createNotificationRuleRoute(deps));
  admin.get('/users/:id/notification-rules', listNotificationRulesRoute(deps));
  admin.delete('/users/:id/notification-rules/:ruleId', deleteNotificationRuleRoute(deps));
  admin.get('/notifications', listNotificationsRoute(deps));
  admin.post('/escalation-policies/:id/simulate', simulateEscalationPolicyRoute(deps));
  admin.post('/teams', createTeamRoute(deps));
  admin.get('/teams', listTeamsRoute(deps));
  admin.get('/teams/:id', getTeamRoute(deps));
  admin.patch('/teams/:id', updateTeamRoute(deps));
  admin.delete('/teams/:id', deleteTeamRoute(deps));
  admin.post('/api-keys', createApiKeyRoute(deps));
  admin.get('/api-keys', listApiKeysRoute(deps));
  admin.delete('/api-keys/:id', revokeApiKeyRoute(deps));
  admin.get('/audit-log', listAuditLogRoute(deps));
  admin.post('/services', createServiceRoute(deps));
  admin.get('/services', listServicesRoute(deps));
  admin.get('/services/:id', getServiceRoute(deps));
  admin.patch('/services/:id', updateServiceRoute(deps));
  admin.delete('/services/:id', deleteServiceRoute(deps));
  admin.get('/services/:id/alert-rules', getAlertRulesRoute(deps));
  admin.put('/services/:id/alert-rules', putAlertRulesRoute(deps));
  admin.post('/services/:id/integration-keys', createIntegrationKeyRoute(deps));
  admin.get('/services/:id/integration-keys', listIntegrationKeysRoute(deps));
  admin.delete('/services/:id/integration-keys/:keyId', revokeIntegrationKeyRoute(deps));
  admin.patch('/services/:id/integration-keys/:keyId', updateIntegrationKeyRoute(deps));
  admin.post('/heartbeats', createHeartbeatRoute(deps));
  admin.get('/heartbeats', listHeartbeatsRoute(deps));
  admin.get('/heartbeats/:id', getHeartbeatRoute(deps));
  admin.patch('/heartbeats/:id', updateHeartbeatRoute(deps));
  admin.delete('/heartbeats/:id', deleteHeartbeatRoute(deps));
  admin.post('/heartbeats/:id/pause', pauseHeartbeatRoute(deps, true));
  admin.post('/heartbeats/:id/resume', pauseHeartbeatRoute(deps, false));
  admin.post('/heartbeats/:id/rotate-token', rotateHeartbeatTokenRoute(deps));
  admin.post('/maintenance-windows', createMaintenanceWindowRoute(deps));
  admin.get('/maintenance-windows', listMaintenanceWindowsRoute(deps));
  admin.get('/maintenance-windows/:id', getMaintenanceWindowRoute(deps));
  admin.get('/maintenance-windows/:id/incidents', listWindowIncidentsRoute(deps));
  admin.patch('/maintenance-windows/:id', updateMaintenanceWindowRoute(deps));
  admin.post('/maintenance-windows/:id/end', endMaintenanceWindowRoute(deps));
  admin.delete('/maintenance-windows/:id', deleteMaintenanceWindowRoute(deps));
  admin.post('/routing-integrations', createRoutingIntegrationRoute(deps));
  admin.get('/routing-integrations', listRoutingIntegrationsRoute(deps));
  admin.post('/routing-integrations/preview', previewRoutingRoute(deps));
  admin.get('/routing-integrations/:id', getRoutingIntegrationRoute(deps));
  admin.put('/routing-integrations/:id', replaceRoutingIntegrationRoute(deps));
  admin.delete('/routing-integrations/:id', deleteRoutingIntegrationRoute(deps));
  admin.get('/routing-integrations/:id/unrouted', listUnroutedAlertsRoute(deps));
  // h21: a routing integration's own alert rules (run before its routes)
  admin.get('/routing-integrations/:id/alert-rules', getRoutingAlertRulesRoute(deps));
  admin.put('/routing-integrations/:id/alert-rules', putRoutingAlertRulesRoute(deps));
  admin.get('/incidents', listIncidentsRoute(deps));
  admin.post('/incidents', createIncidentRoute(deps));
  admin.get('/incidents/:id', getIncidentRoute(deps));
  admin.get('/incidents/:id/explain', explainIncidentRoute(deps));
  admin.post('/incidents/:id/acknowledge', setIncidentStatusRoute(deps, 'acknowledge'));
  admin.post('/incidents/:id/resolve', setIncidentStatusRoute(deps, 'resolve'));
  admin.post('/incidents/:id/notes', addIncidentNoteRoute(deps));
  admin.post('/incidents/:id/escalate', escalateIncidentRoute(deps));
  admin.post('/incidents/:id/silence', silenceIncidentRoute(deps));
  admin.delete('/incidents/:id/silence', unsilenceIncidentRoute(deps));
  admin.post('/incidents/bulk-status', bulkIncidentStatusRoute(deps));
  admin.get('/storms', listStormsRoute(deps));
  admin.get('/storms/:id', getStormRoute(deps));
  admin.post('/storms/:id/acknowledge', actOnStormRoute(deps, 'acknowledge'));
  admin.post('/storms/:id/resolve', actOnStormRoute(deps, 'resolve'));
  admin.post('/schedules', createScheduleRoute(deps));
  admin.post('/schedules/preview', previewNewScheduleRoute(deps));
  admin.get('/schedules', listSchedulesRoute(deps));
  admin.get('/schedules/:id', getScheduleRoute(deps));
  admin.patch('/schedules/:id', updateScheduleRoute(deps));
  admin.delete('/schedules/:id', deleteScheduleRoute(deps));
  admin.get('/schedules/:id/on-call', getOnCallRoute(deps));
  admin.get('/schedules/:id/shifts', getShiftsRoute(deps));
  admin.get('/schedules/:id/gaps', getGapsRoute(deps));
  admin.post('/schedules/:id/preview', previewScheduleRoute(deps));
  admin.post('/schedules/:id/overrides', createOverrideRoute(deps));
  admin.get('/schedules/:id/overrides', listOverridesRoute(deps));
  admin.delete('/schedules/:id/overrides/:overrideId', deleteOverrideRoute(deps));
  admin.post('/schedules/:id/calendar-feed', rotateCalendarFeedRoute(deps, 'schedule'));
  admin.delete('/schedules/:id/calendar-feed', revokeCalendarFeedRoute(deps, 'schedule'));
  admin.post('/users/:id/calendar-feed', rotateCalendarFeedRoute(deps, 'user'));
  admin.delete('/users/:id/calendar-feed', revokeCalendarFeedRoute(deps, 'user'));
  admin.post('/escalation-policies', createEscalationPolicyRoute(deps));
  admin.get('/escalation-policies', listEscalationPoliciesRoute(deps));
  admin.get('/escalation-policies/:id', getEscalationPolicyRoute(deps));
  admin.patch('/escalation-policies/:id', updateEscalationPolicyRoute(deps));
  admin.delete('/escalation-policies/:id', deleteEscalationPolicyRoute(deps));
  // i23: insights (docs/insights.md)
  admin.get('/insights', getInsightsRoute(deps));
  admin.get('/insights/:table.csv', getInsightsCsvRoute(deps));
  // u23: paging readiness (docs/insights.md)
  admin.get('/readiness', getReadinessRoute(deps));
  admin.get('/teams/:id/settings', getTeamSettingsRoute(deps));
  admin.put('/teams/:id/settings', putTeamSettingsRoute(deps));
  app.use('/api/v1', admin);

  // -- the web UI (apps/web/dist) with its SPA fallback; no credential (the page signs in)
  app.use(serveWebApp(deps.config.webDistDir));

  app.use((req) => {
    throw new AppError('not_found', `No route for ${req.method} ${req.path}`);
  });
  app.use(errorHandler(deps.logger));
  return app;
}
