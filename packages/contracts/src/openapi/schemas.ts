import { probeReceiptJson, probeWebhookBody } from '../probe';
import { alertmanagerWebhook, ingestSummaryJson } from '../alertmanager-webhook';
import { apiKeyJson, createApiKeyBody, createdApiKeyJson } from '../api-keys';
import { auditEntryJson } from '../audit-log';
import { acceptInviteBody, changePasswordBody, inviteHolderBody, inviteHolderJson, meJson, signInBody } from '../auth';
import {
  contactMethodJson,
  createContactMethodBody,
  createdContactMethodJson,
  createNotificationRuleBody,
  notificationJson,
  notificationRuleJson,
  createdNotificationRuleJson,
  verificationJson,
  verifyContactMethodBody,
  // ht
  testPageJson,
} from '../contact-methods';
import { errorJson } from '../errors';
import { createEscalationPolicyBody, escalationPolicyJson, updateEscalationPolicyBody } from '../escalation-policies';
import { eventsApiEvent, eventsApiResponse } from '../events-api';
import { healthJson, readinessJson } from '../health';
import {
  bulkIncidentStatusBody,
  bulkIncidentStatusJson,
  createIncidentBody,
  escalateIncidentBody,
  explainIncidentResponse,
  incidentDetailJson,
  incidentJson,
  incidentNoteBody,
  timelineEventJson,
} from '../incidents';
import { createdHeartbeatJson, createHeartbeatBody, heartbeatJson, heartbeatPingJson, updatedHeartbeatJson, updateHeartbeatBody } from '../heartbeats';
import { createdIntegrationKeyJson, createIntegrationKeyBody, integrationKeyJson, updatedIntegrationKeyJson, updateIntegrationKeyBody } from '../integration-keys';
import { createdRoutingIntegrationJson, routingIntegrationBody, routingIntegrationJson, routingPreviewBody, routingPreviewJson, unroutedAlertJson } from '../routing-integrations';
// h21
import { routingAlertRulesJson } from '../routing-integrations';
import { alertRulesJson, putAlertRulesBody } from '../alert-rules';
import { createMaintenanceWindowBody, maintenanceHeldIncidentJson, maintenanceWindowJson, updateMaintenanceWindowBody } from '../maintenance-windows';
import { page } from '../primitives';
import {
  calendarFeedJson,
  createOverrideBody,
  createScheduleBody,
  gapsJson,
  onCallJson,
  overrideJson,
  previewJson,
  scheduleJson,
  shiftsJson,
  updateScheduleBody,
  previewNewScheduleBody,
} from '../schedules';
import { createServiceBody, serviceJson, updateServiceBody } from '../services';
import { silenceIncidentBody, silenceIncidentResponse, silenceJson, unsilenceIncidentResponse } from '../silences';
import { simulateBody, simulationJson } from '../simulate';
import { slackBlockActionsPayload, slackCommandForm, slackInteractionForm, slashReplyJson } from '../slack';
import { pagingReadinessJson } from '../readiness';
import { teamSettingsBody, teamSettingsJson } from '../team-settings';
import { stormActionJson, stormDetailJson, stormJson } from '../storms';
import { insightsJson } from '../insights';
import { createTeamBody, teamJson, updateTeamBody } from '../teams';
import { twilioSmsForm, twilioStatusForm, twilioVoiceForm } from '../twilio';
import { createUserBody, inviteJson, updateUserBody, userJson } from '../users';

/**
 * The schemas the OpenAPI document names (components.schemas), by their names
 * there. Request bodies are documented as the API accepts them (zod's input:
 * defaults make a field optional); responses as it answers (zod's output).
 */
export const REQUEST_SCHEMAS = {
  CreateHeartbeatBody: createHeartbeatBody,
  UpdateHeartbeatBody: updateHeartbeatBody,
  CreateMaintenanceWindowBody: createMaintenanceWindowBody,
  UpdateMaintenanceWindowBody: updateMaintenanceWindowBody,
  RoutingIntegrationBody: routingIntegrationBody,
  RoutingPreviewBody: routingPreviewBody,
  PutAlertRulesBody: putAlertRulesBody,
  AlertmanagerWebhook: alertmanagerWebhook,
  EventsApiEvent: eventsApiEvent,
  SignInBody: signInBody,
  AcceptInviteBody: acceptInviteBody,
  // ha:
  InviteHolderBody: inviteHolderBody,
  ChangePasswordBody: changePasswordBody,
  CreateUserBody: createUserBody,
  UpdateUserBody: updateUserBody,
  CreateContactMethodBody: createContactMethodBody,
  VerifyContactMethodBody: verifyContactMethodBody,
  CreateNotificationRuleBody: createNotificationRuleBody,
  CreateTeamBody: createTeamBody,
  UpdateTeamBody: updateTeamBody,
  CreateApiKeyBody: createApiKeyBody,
  CreateServiceBody: createServiceBody,
  UpdateServiceBody: updateServiceBody,
  CreateIntegrationKeyBody: createIntegrationKeyBody,
  UpdateIntegrationKeyBody: updateIntegrationKeyBody,
  CreateIncidentBody: createIncidentBody,
  IncidentNoteBody: incidentNoteBody,
  BulkIncidentStatusBody: bulkIncidentStatusBody,
  EscalateIncidentBody: escalateIncidentBody,
  SilenceIncidentBody: silenceIncidentBody,
  CreateScheduleBody: createScheduleBody,
  UpdateScheduleBody: updateScheduleBody,
  PreviewNewScheduleBody: previewNewScheduleBody,
  CreateOverrideBody: createOverrideBody,
  CreateEscalationPolicyBody: createEscalationPolicyBody,
  UpdateEscalationPolicyBody: updateEscalationPolicyBody,
  SimulateBody: simulateBody,
  SlackCommandForm: slackCommandForm,
  SlackInteractionForm: slackInteractionForm,
  // the JSON inside SlackInteractionForm's `payload` (a component no body names directly)
  SlackBlockActionsPayload: slackBlockActionsPayload,
  TwilioSmsForm: twilioSmsForm,
  TwilioVoiceForm: twilioVoiceForm,
  TwilioStatusForm: twilioStatusForm,
  ProbeWebhook: probeWebhookBody,
  // u23
  TeamSettingsBody: teamSettingsBody,
};

export const RESPONSE_SCHEMAS = {
  Error: errorJson,
  Health: healthJson,
  Readiness: readinessJson,
  IngestSummary: ingestSummaryJson,
  EventsApiResponse: eventsApiResponse,
  SlashReply: slashReplyJson,
  Me: meJson,
  // ha:
  InviteHolder: inviteHolderJson,
  User: userJson,
  UserPage: page(userJson),
  Invite: inviteJson,
  ContactMethod: contactMethodJson,
  ContactMethodPage: page(contactMethodJson),
  CreatedContactMethod: createdContactMethodJson,
  Verification: verificationJson,
  // ht: test pages
  TestPage: testPageJson,
  NotificationRule: notificationRuleJson,
  CreatedNotificationRule: createdNotificationRuleJson,
  NotificationRulePage: page(notificationRuleJson),
  NotificationPage: page(notificationJson),
  Team: teamJson,
  TeamPage: page(teamJson),
  ApiKey: apiKeyJson,
  ApiKeyPage: page(apiKeyJson),
  CreatedApiKey: createdApiKeyJson,
  AuditEntryPage: page(auditEntryJson),
  Service: serviceJson,
  ServicePage: page(serviceJson),
  IntegrationKey: integrationKeyJson,
  IntegrationKeyPage: page(integrationKeyJson),
  CreatedIntegrationKey: createdIntegrationKeyJson,
  UpdatedIntegrationKey: updatedIntegrationKeyJson,
  Heartbeat: heartbeatJson,
  HeartbeatPage: page(heartbeatJson),
  CreatedHeartbeat: createdHeartbeatJson,
  UpdatedHeartbeat: updatedHeartbeatJson,
  HeartbeatPing: heartbeatPingJson,
  ProbeReceipt: probeReceiptJson,
  MaintenanceWindow: maintenanceWindowJson,
  AlertRules: alertRulesJson,
  MaintenanceWindowPage: page(maintenanceWindowJson),
  MaintenanceHeldIncidentPage: page(maintenanceHeldIncidentJson),
  RoutingIntegration: routingIntegrationJson,
  CreatedRoutingIntegration: createdRoutingIntegrationJson,
  RoutingIntegrationPage: page(routingIntegrationJson),
  UnroutedAlertPage: page(unroutedAlertJson),
  RoutingPreview: routingPreviewJson,
  // h21
  RoutingAlertRules: routingAlertRulesJson,
  Incident: incidentJson,
  IncidentPage: page(incidentJson),
  IncidentDetail: incidentDetailJson,
  TimelineEvent: timelineEventJson,
  Explanation: explainIncidentResponse,
  Storm: stormJson,
  StormPage: page(stormJson),
  StormDetail: stormDetailJson,
  StormActionResult: stormActionJson,
  BulkIncidentStatusResult: bulkIncidentStatusJson,
  Silence: silenceJson,
  SilenceIncidentResult: silenceIncidentResponse,
  UnsilenceIncidentResult: unsilenceIncidentResponse,
  Schedule: scheduleJson,
  SchedulePage: page(scheduleJson),
  OnCall: onCallJson,
  Shifts: shiftsJson,
  Gaps: gapsJson,
  SchedulePreview: previewJson,
  Override: overrideJson,
  OverridePage: page(overrideJson),
  CalendarFeed: calendarFeedJson,
  EscalationPolicy: escalationPolicyJson,
  EscalationPolicyPage: page(escalationPolicyJson),
  Simulation: simulationJson,
  Insights: insightsJson,
  // u23
  PagingReadiness: pagingReadinessJson,
  TeamSettings: teamSettingsJson,
};

export type RequestName = keyof typeof REQUEST_SCHEMAS;
export type ResponseName = keyof typeof RESPONSE_SCHEMAS;
