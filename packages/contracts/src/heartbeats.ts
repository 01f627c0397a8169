import { z } from 'zod';
import { inputWarningsJson } from './input-warnings';
import { instant, text, uuid } from './primitives';

const name = text(200).trim().min(1, 'must not be empty');
const intervalSeconds = z
  .number({ error: 'must be a whole number of seconds, at least 60' })
  .int('must be a whole number of seconds, at least 60')
  .min(60, 'must be at least 60 (seconds)')
  .max(30 * 86_400, 'must be at most 2592000 (30 days)');
const graceSeconds = z
  .number({ error: 'must be a whole number of seconds, 0 or more' })
  .int('must be a whole number of seconds, 0 or more')
  .min(0, 'must be 0 or more (seconds)')
  .max(30 * 86_400, 'must be at most 2592000 (30 days)');

/** POST /api/v1/heartbeats */
export const createHeartbeatBody = z.strictObject({
  serviceId: uuid,
  name,
  /** how often the monitored job pings, in seconds (at least 60) */
  intervalSeconds,
  /** how much later than the interval a ping may come before the heartbeat counts as missed; default 0 */
  graceSeconds: graceSeconds.optional(),
});
export type CreateHeartbeatBody = z.infer<typeof createHeartbeatBody>;

/** PATCH /api/v1/heartbeats/{id}: only the fields present */
export const updateHeartbeatBody = z.strictObject({
  name: name.optional(),
  intervalSeconds: intervalSeconds.optional(),
  graceSeconds: graceSeconds.optional(),
});
export type UpdateHeartbeatBody = z.infer<typeof updateHeartbeatBody>;

/** GET /api/v1/heartbeats */
export const heartbeatListQuery = z.object({ serviceId: uuid.optional() });

export const heartbeatStatus = z.enum(['new', 'up', 'late', 'down', 'paused']);

/** A heartbeat as lists show it: the ping URL masked, never the token. */
export const heartbeatJson = z.strictObject({
  id: uuid,
  serviceId: uuid,
  name: z.string(),
  intervalSeconds: z.number().int(),
  graceSeconds: z.number().int(),
  status: heartbeatStatus.describe(
    'new: never pinged (does not alert yet); up; late: the interval passed without a ping, the grace has not; down: missed, its incident is open; paused',
  ),
  lastPingAt: instant.nullable(),
  /** when it counts as missed without another ping (null while new, down or paused) */
  dueAt: instant.nullable(),
  /** the incident the current miss opened (while down) */
  incidentId: uuid.nullable(),
  maskedPingUrl: z.string().describe('the ping URL with all but the first characters of its token masked'),
  createdAt: instant,
  updatedAt: instant,
});
export type HeartbeatJson = z.infer<typeof heartbeatJson>;

/** The answer to PATCH: the heartbeat, and what looks wrong with the change. */
export const updatedHeartbeatJson = heartbeatJson.extend({
  warnings: inputWarningsJson.describe("e.g. an interval too short for the re-send of an Alertmanager key's Watchdog route (repeat_interval + group_interval); empty when none"),
});
export type UpdatedHeartbeatJson = z.infer<typeof updatedHeartbeatJson>;

/** The answer to creating a heartbeat or rotating its token: the only time the token is shown. */
export const createdHeartbeatJson = heartbeatJson.extend({
  token: z.string().describe('the secret token: shown this once'),
  pingUrl: z.string().describe('POST or GET it, no credential, no body'),
  example: z.string().describe('a curl line to paste into a cron job'),
});
export type CreatedHeartbeatJson = z.infer<typeof createdHeartbeatJson>;

/** The answer to a ping. */
export const heartbeatPingJson = z.strictObject({
  status: heartbeatStatus,
  lastPingAt: instant,
});
export type HeartbeatPingJson = z.infer<typeof heartbeatPingJson>;
