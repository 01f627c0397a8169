import { z } from 'zod';
import { instant, rfc3339, text, uuid } from './primitives';

const weekday = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'], {
  error: 'must be a weekday in English, lower case (monday ... sunday)',
});
const clock = z.string({ error: 'must be HH:MM' }).regex(/^\d\d:\d\d$/, 'must be HH:MM (24-hour, e.g. 02:00)');

/** A weekly recurrence (docs/maintenance-windows.md "Recurrence and DST"). */
export const maintenanceRecurrence = z.strictObject({
  weekdays: z.array(weekday).min(1, 'must name at least one weekday').max(7),
  /** wall-clock start in timeZone */
  startTime: clock,
  /** wall-clock end (at or before startTime: the next day); or durationMinutes */
  endTime: clock.optional(),
  /** exact elapsed minutes from the start; or endTime */
  durationMinutes: z.number({ error: 'must be a whole number of minutes' }).int('must be a whole number of minutes').optional(),
  timeZone: z.string({ error: 'is required' }).max(100, 'must be an IANA time zone name such as Europe/Berlin'),
});
export type MaintenanceRecurrenceJson = z.infer<typeof maintenanceRecurrence>;

/** POST /api/v1/maintenance-windows */
export const createMaintenanceWindowBody = z.strictObject({
  serviceIds: z.array(uuid, { error: 'must be a list of service ids' }).min(1, 'must name at least one service').max(100, 'must name at most 100 services'),
  /** default now; may be in the past */
  start: rfc3339.optional(),
  /** required without a recurrence; with one, when it stops recurring (null: never) */
  end: rfc3339.nullable().optional(),
  recurrence: maintenanceRecurrence.nullable().optional(),
  reason: text(500).trim().min(1, 'must not be empty'),
  /** Alertmanager matchers (`node="d01"`, `namespace=~"batch-.*"`): only alerts matching all of them are held */
  matchers: z.array(text(1000), { error: 'must be a list of matcher strings' }).max(50, 'must have at most 50 matchers').optional(),
  /** the owning team (whose leads manage it); default: the services' team when they share one */
  teamId: uuid.nullable().optional(),
  /** announce each start and end in the Slack channels of the services' policies (default true) */
  announce: z.boolean({ error: 'must be true or false' }).optional(),
});
export type CreateMaintenanceWindowBody = z.infer<typeof createMaintenanceWindowBody>;

/** PATCH /api/v1/maintenance-windows/{id}: a new `end` extends it, or ends it when now or past */
export const updateMaintenanceWindowBody = z.strictObject({
  end: rfc3339.nullable().optional(),
  reason: text(500).trim().min(1, 'must not be empty').optional(),
  announce: z.boolean({ error: 'must be true or false' }).optional(),
});
export type UpdateMaintenanceWindowBody = z.infer<typeof updateMaintenanceWindowBody>;

/** GET /api/v1/maintenance-windows */
export const maintenanceWindowListQuery = z.object({
  active: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
  serviceId: uuid.optional(),
});

const stretch = z.strictObject({ start: instant, end: instant });

export const maintenanceWindowJson = z.strictObject({
  id: uuid,
  reason: z.string(),
  serviceIds: z.array(uuid),
  services: z.array(z.strictObject({ id: uuid, name: z.string() })),
  matchers: z.array(z.string()),
  teamId: uuid.nullable(),
  start: instant,
  end: instant.nullable(),
  recurrence: maintenanceRecurrence.nullable(),
  announce: z.boolean().describe("whether its starts and ends are announced in the Slack channels of the services' escalation policies"),
  active: z.boolean().describe('whether it covers its services now'),
  current: stretch.nullable().describe('the stretch (one-off window or occurrence) covering now'),
  next: stretch.nullable().describe('the next stretch that starts after now (within 8 weeks)'),
  heldIncidents: z.int().describe('incidents opened under it (held from paging while it lasted)'),
  createdBy: z.string(),
  createdAt: instant,
  updatedAt: instant,
});
export type MaintenanceWindowJson = z.infer<typeof maintenanceWindowJson>;

/** GET /api/v1/maintenance-windows/{id}/incidents: what the window held back. */
export const maintenanceHeldIncidentJson = z.strictObject({
  id: uuid,
  number: z.int(),
  title: z.string(),
  status: z.enum(['triggered', 'acknowledged', 'resolved']),
  serviceId: uuid,
  serviceName: z.string(),
  createdAt: instant,
  heldUntil: instant,
  releasedAt: instant.nullable(),
  release: z
    .enum(['paged', 'resolved', 'acknowledged', 'not_firing'])
    .nullable()
    .describe('what happened when its window ended: paged (still firing), or not paged because it was resolved, acknowledged or no alert fired; null while held'),
  wouldHavePaged: z
    .array(z.strictObject({ userId: uuid, name: z.string() }))
    .describe("whom the first step of the service's escalation policy pages at the incident's opening (the policy simulator)"),
});
export type MaintenanceHeldIncidentJson = z.infer<typeof maintenanceHeldIncidentJson>;
