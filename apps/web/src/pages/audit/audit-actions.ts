// The audit log's action codes (`<entity type>.<verb>`, written by the use cases in
// packages/usecases) as people read them. audit-actions.test.ts checks that every
// code the use cases write is here; a code added later without a name still reads
// in words ("Contact method test").

export const ACTION_NAMES: Readonly<Record<string, string>> = {
  'service.create': 'Service created',
  'service.update': 'Service updated',
  'service.delete': 'Service deleted',
  'service.alert_rules_update': 'Alert rules of a service changed',
  'integration_key.create': 'Integration key created',
  'integration_key.update': 'Integration key updated',
  'integration_key.revoke': 'Integration key revoked',
  'user.create': 'User created',
  'user.update': 'User updated',
  'user.delete': 'User deleted',
  'user.invite': 'Invite link made',
  'user.accept_invite': 'Invite accepted (password set)',
  'user.change_password': 'Password changed',
  'team.create': 'Team created',
  'team.update': 'Team updated',
  'team.update_settings': 'Team settings changed',
  'team.delete': 'Team deleted',
  'api_key.create': 'API key created',
  'api_key.revoke': 'API key revoked',
  'schedule.create': 'Schedule created',
  'schedule.update': 'Schedule updated',
  'schedule.delete': 'Schedule deleted',
  'schedule_override.create': 'Override added',
  'schedule_override.end': 'Override ended early',
  'schedule_override.delete': 'Override removed',
  'calendar_feed.rotate': 'Calendar link replaced',
  'calendar_feed.revoke': 'Calendar link turned off',
  'escalation_policy.create': 'Escalation policy created',
  'escalation_policy.update': 'Escalation policy updated',
  'escalation_policy.delete': 'Escalation policy deleted',
  'contact_method.create': 'Contact method added',
  'contact_method.delete': 'Contact method removed',
  'contact_method.send_verification': 'Verification code sent',
  'contact_method.verify': 'Contact method verified',
  'contact_method.test': 'Test page sent',
  'notification_rule.create': 'Notification rule added',
  'notification_rule.delete': 'Notification rule removed',
  'heartbeat.create': 'Heartbeat created',
  'heartbeat.update': 'Heartbeat updated',
  'heartbeat.pause': 'Heartbeat paused',
  'heartbeat.resume': 'Heartbeat resumed',
  'heartbeat.rotate_token': 'Heartbeat address replaced',
  'heartbeat.delete': 'Heartbeat deleted',
  'maintenance_window.create': 'Maintenance window started or planned',
  'maintenance_window.update': 'Maintenance window changed',
  'maintenance_window.end': 'Maintenance window ended early',
  'maintenance_window.delete': 'Maintenance window deleted',
  'routing_integration.create': 'Alert routing created',
  'routing_integration.update': 'Alert routing changed',
  'routing_integration.alert_rules_update': 'Alert routing rules changed',
  'routing_integration.delete': 'Alert routing deleted',
  'storm.acknowledge': 'Every incident of a storm acknowledged',
  'storm.resolve': 'Every incident of a storm resolved',
  'incident.bulk_acknowledge': 'Several incidents acknowledged at once',
  'incident.bulk_resolve': 'Several incidents resolved at once',
};

/** The kinds of things the log records, as the filter names them. */
export const ENTITY_TYPE_NAMES: Readonly<Record<string, string>> = {
  service: 'Services',
  integration_key: 'Integration keys',
  user: 'Users',
  team: 'Teams',
  api_key: 'API keys',
  schedule: 'Schedules',
  schedule_override: 'Overrides',
  calendar_feed: 'Calendar links',
  escalation_policy: 'Escalation policies',
  contact_method: 'Contact methods',
  notification_rule: 'Notification rules',
  heartbeat: 'Heartbeats',
  storm: 'Storms',
  maintenance_window: 'Maintenance windows',
  routing_integration: 'Alert routing',
};

/** "Escalation policy updated" for `escalation_policy.update`; unknown codes in words. */
export function actionName(code: string): string {
  const known = ACTION_NAMES[code];
  if (known) return known;
  const words = code.replace(/[._]/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** How the actor was signed in, as a phrase after their name. */
export function credentialPhrase(credential: string): string {
  switch (credential) {
    case 'session':
      return 'signed in';
    case 'api-key':
      return 'with an API key';
    case 'bootstrap':
      return 'with the admin API key';
    case 'invite':
      return 'through an invite link';
    case 'page':
      return 'from a page they were sent';
    default:
      return credential;
  }
}
