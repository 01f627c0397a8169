import { parseInstant } from '@heinrich/core/schedule/parse-instant';
import { z } from 'zod';
import { instant as isoInstant, uuid } from './primitives';

// Shapes only: what the resolver needs to make sense of a schedule (time zone,
// instants with offsets, HH:MM windows that are not empty, shift lengths) is
// checked by the core validator (packages/core/src/schedule/validate-schedule.ts)
// in the use case, with the same dotted paths, so the rules live in one place.

const name = z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const text = z.string({ error: 'must be a string' }).max(200, 'must be at most 200 characters');
const weekday = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'], {
  error: 'must be a weekday in English, lower case (monday ... sunday)',
});
const weeklyTime = z.strictObject({ weekday, time: text });

const restriction = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('daily'), start: text, end: text }),
    z.strictObject({ type: z.literal('weekly'), start: weeklyTime, end: weeklyTime }),
  ],
  { error: 'must be {"type":"daily","start":"HH:MM","end":"HH:MM"} or {"type":"weekly","start":{weekday,time},"end":{weekday,time}}' },
);

const layer = z.strictObject({
  name,
  members: z.array(uuid, { error: 'must be an array of user ids' }).max(100, 'must list at most 100 users'),
  rotation: z.strictObject(
    {
      type: z.enum(['daily', 'weekly', 'hourly', 'custom'], { error: 'must be "daily", "weekly", "hourly" or "custom"' }),
      shiftLength: z.number({ error: 'must be a number' }),
    },
    { error: 'must be {"type", "shiftLength"}' },
  ),
  start: z.string({ error: 'is required' }).max(40, 'must be an RFC 3339 instant'),
  end: z.string().max(40, 'must be an RFC 3339 instant').nullable().optional(),
  restrictions: z.array(restriction, { error: 'must be an array' }).max(50, 'must list at most 50 windows').optional(),
});

const layers = z.array(layer, { error: 'must be an array of layers' }).max(20, 'must have at most 20 layers');
const timeZone = z.string({ error: 'is required' }).max(100, 'must be an IANA time zone name such as Europe/Berlin');
const description = z.string().max(10_000, 'must be at most 10000 characters').nullable();

/** POST /api/v1/schedules */
export const createScheduleBody = z.strictObject({
  name,
  description: description.default(null),
  teamId: uuid,
  timeZone,
  layers,
});
export type CreateScheduleBody = z.infer<typeof createScheduleBody>;

/**
 * PATCH /api/v1/schedules/{id}: the fields given change; `layers` replaces the
 * whole list. `version` (or the If-Match header) is the version the change was
 * based on.
 */
export const updateScheduleBody = z.strictObject({
  name: name.optional(),
  description: description.optional(),
  timeZone: timeZone.optional(),
  layers: layers.optional(),
  version: z.number({ error: 'must be the schedule version the change is based on' }).int('must be an integer').min(1, 'must be at least 1').optional(),
});
export type UpdateScheduleBody = z.infer<typeof updateScheduleBody>;

/** POST /api/v1/schedules/preview: a proposed POST /schedules body (name and description don't change the preview). */
export const previewNewScheduleBody = createScheduleBody.extend({ name: name.optional(), description: description.optional() });

/** POST /api/v1/schedules/{id}/preview: a proposed PATCH body (name, description and version don't change the preview). */
export const previewScheduleBody = updateScheduleBody;

/** An instant in a query: RFC 3339 with an offset (`+` must be sent as %2B). */
const instant = z
  .string({ error: 'is required' })
  .refine((s) => parseInstant(s) !== null, 'must be an RFC 3339 instant with an offset, such as 2026-03-16T09:00:00Z or 2026-03-16T09:00:00%2B01:00');

export const onCallQuery = z.object({ at: instant.optional() });
export const rangeQuery = z.object({ from: instant, to: instant });
export const shiftsQuery = rangeQuery.extend({
  layers: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
});
export const previewQuery = z.object({
  weeks: z.coerce.number({ error: 'must be a number of weeks' }).int('must be a whole number of weeks').min(1, 'must be at least 1').max(52, 'must be at most 52').default(4),
});

export const listSchedulesQuery = z.object({
  teamId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** POST /api/v1/schedules/{id}/overrides */
export const createOverrideBody = z.strictObject({
  userId: uuid,
  start: z.string({ error: 'is required' }).max(40, 'must be an RFC 3339 instant'),
  end: z.string({ error: 'is required' }).max(40, 'must be an RFC 3339 instant'),
});
export type CreateOverrideBody = z.infer<typeof createOverrideBody>;

/** GET /api/v1/schedules/{id}/overrides: those overlapping [from, to), by start. */
export const listOverridesQuery = z.object({
  from: instant.optional(),
  to: instant.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** GET .../calendar.ics and .../on-call.ics */
export const calendarQuery = z.object({ token: z.string({ error: 'is required: the feed URL carries it' }).min(1).max(200) });

export const userRefJson = z.strictObject({
  id: uuid,
  name: z.string().nullable().describe('null: the user was deleted after being put in the schedule'),
});
export type UserRefJson = z.infer<typeof userRefJson>;

/** A layer as the API shows it: absent values spelled out (`end: null`, `restrictions: []`). */
const layerJson = z.strictObject({
  name: z.string(),
  members: z.array(uuid),
  rotation: z.strictObject({ type: z.enum(['daily', 'weekly', 'hourly', 'custom']), shiftLength: z.number() }),
  start: z.string(),
  end: z.string().nullable(),
  restrictions: z.array(restriction),
});

export const scheduleJson = z.strictObject({
  id: uuid,
  teamId: uuid,
  name: z.string(),
  description: z.string().nullable(),
  timeZone: z.string(),
  layers: z.array(layerJson),
  version: z.int().describe('sent back in If-Match (or `version`) by a PATCH'),
  effectiveFrom: isoInstant.describe('when the current layers took effect (the latest edit of layers or time zone)'),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type ScheduleJson = z.infer<typeof scheduleJson>;

export const overrideJson = z.strictObject({
  id: uuid,
  scheduleId: uuid,
  user: userRefJson,
  start: isoInstant,
  end: isoInstant,
  createdAt: isoInstant,
  createdBy: z.string(),
});
export type OverrideJson = z.infer<typeof overrideJson>;

/** Why someone is on call: an override, or a layer's rotation shift (packages/core/src/schedule/schedule.ts). */
export const onCallReasonJson = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('override'),
    overrideIndex: z.int(),
    overrideId: z.string().nullable(),
    userId: z.string(),
    start: z.string(),
    end: z.string(),
  }),
  z.strictObject({
    kind: z.literal('layer'),
    layerIndex: z.int(),
    layerId: z.string().nullable(),
    layerName: z.string(),
    userId: z.string(),
    memberIndex: z.int(),
    shiftNumber: z.int().describe('0 for the shift beginning at the layer\'s start, then 1, 2, ...'),
    shiftStart: z.string(),
    shiftEnd: z.string(),
  }),
]);

export const onCallJson = z.strictObject({
  at: z.string(),
  users: z.array(userRefJson).describe('zero or one user'),
  because: z.array(onCallReasonJson),
});
export type OnCallJson = z.infer<typeof onCallJson>;

export const shiftJson = z.strictObject({
  start: z.string(),
  end: z.string(),
  users: z.array(userRefJson).describe('[] = nobody on call (a gap)'),
  because: z.array(onCallReasonJson),
});
export type ShiftJson = z.infer<typeof shiftJson>;

export const shiftsJson = z.strictObject({
  from: z.string(),
  to: z.string(),
  shifts: z.array(shiftJson),
  layers: z
    .array(z.strictObject({ layerIndex: z.int(), layerName: z.string(), from: z.string(), to: z.string(), shifts: z.array(shiftJson) }))
    .optional()
    .describe("with ?layers=true: each layer's own timeline, per revision over the part where it was in force"),
});
export type ShiftsJson = z.infer<typeof shiftsJson>;

const interval = z.strictObject({ start: z.string(), end: z.string() });

export const gapsJson = z.strictObject({ from: z.string(), to: z.string(), gaps: z.array(interval) });
export type GapsJson = z.infer<typeof gapsJson>;

export const previewJson = z.strictObject({
  from: z.string(),
  to: z.string(),
  weeks: z.int(),
  users: z
    .array(z.strictObject({ userId: z.string(), name: z.string().nullable(), hoursBefore: z.number(), hoursAfter: z.number(), hoursDelta: z.number() }))
    .describe('everyone on call in either version; hours in [from, to), exact'),
  gapHoursBefore: z.number(),
  gapHoursAfter: z.number(),
  newGaps: z.array(interval).describe('nobody on call after the change where somebody was before'),
  closedGaps: z.array(interval).describe('somebody on call after the change where nobody was before'),
  changes: z.array(interval.extend({ before: z.array(userRefJson), after: z.array(userRefJson) })).describe('every stretch where who is on call differs, merged, in order'),
});
export type PreviewJson = z.infer<typeof previewJson>;

export const calendarFeedJson = z.strictObject({
  id: uuid,
  scheduleId: uuid.nullable(),
  userId: uuid.nullable(),
  createdAt: isoInstant,
  url: z.string().describe("the feed's URL with its token: shown this once"),
  webcalUrl: z.string().describe('the same URL with the webcal: scheme, which calendar apps subscribe to'),
});
export type CalendarFeedJson = z.infer<typeof calendarFeedJson>;
