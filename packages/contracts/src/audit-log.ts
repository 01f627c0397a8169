import { z } from 'zod';
import { instant, listQuery, rfc3339, uuid } from './primitives';

export const auditEntityType = z.enum(
  ['service', 'integration_key', 'user', 'team', 'api_key', 'schedule', 'schedule_override', 'calendar_feed', 'escalation_policy', 'contact_method', 'notification_rule', 'heartbeat', 'storm', 'maintenance_window', 'routing_integration'],
  { error: 'must be service, integration_key, user, team, api_key, schedule, schedule_override, calendar_feed, escalation_policy, contact_method, notification_rule, heartbeat, storm, maintenance_window or routing_integration' },
);

/** GET /api/v1/audit-log */
export const auditLogQuery = listQuery.extend({
  entityType: auditEntityType.optional(),
  entityId: z.string().min(1).max(100).optional(),
  /** an actor id: user:<id>, api-key:<id>, api-key:bootstrap */
  actor: z.string().min(1).max(200).optional(),
  /** entries at or after this instant */
  since: rfc3339.optional(),
  /** entries before this instant */
  until: rfc3339.optional(),
});
export type AuditLogQuery = z.infer<typeof auditLogQuery>;

export const auditEntryJson = z.strictObject({
  id: uuid,
  createdAt: instant,
  actor: z.string().describe('user:<id>, api-key:<id> or api-key:bootstrap'),
  actorDisplay: z.string(),
  credential: z.string(),
  // ha: names of what the entry mentions (the ids above and in before/after stay)
  actorName: z.string().describe("the actor as named now (a user's or API key's current name), else as recorded (actorDisplay)"),
  entityName: z.string().nullable().describe('the changed thing as named now, or as last recorded when it was deleted; null for things without a name'),
  names: z.record(z.string(), z.string()).describe('names of the ids inside before and after (users, teams, services, escalation policies, schedules, keys, ...), by id'),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().describe('the entity before the change (null when created)'),
  after: z.unknown().describe('the entity after the change (null when deleted)'),
});
export type AuditEntryJson = z.infer<typeof auditEntryJson>;
