import { z } from 'zod';
import { instant, uuid } from './primitives';

/** Prometheus label names (https://prometheus.io/docs/concepts/data_model/#metric-names-and-labels). */
const labelName = z
  .string({ error: 'must be a label name' })
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'must be a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*)');

export const urgency = z.enum(['high', 'low', 'bySeverity'], { error: 'must be "high", "low" or "bySeverity"' });

// Each field once, without defaults: create adds the defaults, update makes all optional.
const fields = {
  name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  description: z.string().max(10_000, 'must be at most 10000 characters').nullable(),
  teamId: uuid.nullable(),
  escalationPolicyId: uuid.nullable(),
  groupBy: z.array(labelName, { error: 'must be an array of label names' }).max(20, 'must list at most 20 label names'),
  autoResolve: z.boolean({ error: 'must be true or false' }),
  urgency,
  /** an acknowledged incident not resolved within this many minutes triggers again; null = never */
  ackTimeoutMinutes: z.number({ error: 'must be a number of minutes or null' }).int('must be whole minutes').min(1, 'must be at least 1').max(10_080, 'must be at most 10080 (a week)').nullable(),
  /**
   * dynamic routing (docs/routing.md): a lowercase slug, unique, that a routing
   * integration's route matches against a label's value (`team="db"` → the service `db`);
   * 1-63 of a-z, 0-9 and `-`, starting and ending with a letter or digit (a DNS label)
   */
  routingName: z
    .string({ error: 'must be a slug or null' })
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'must be a lowercase slug: 1-63 of a-z, 0-9 and "-", starting and ending with a letter or digit')
    .nullable(),
};

const seconds = (min: number, max: number) =>
  z.number({ error: 'must be a number of seconds' }).int('must be whole seconds').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const flag = z.boolean({ error: 'must be true or false' });

/** Noise control (docs/noise.md): the fields given change, the others keep their value (or default). */
export const noiseSettingsPatch = z.strictObject({
  lateCopySeconds: seconds(0, 3_600).optional().describe('after a manual resolve, firing copies within this many seconds change nothing (default 120)'),
  flapping: z
    .strictObject({
      enabled: flag.optional(),
      changes: z.number({ error: 'must be a number' }).int('must be whole').min(2, 'must be at least 2').max(100, 'must be at most 100').optional(),
      windowSeconds: seconds(60, 86_400).optional(),
    })
    .optional()
    .describe('a group whose state changes `changes` times (default 4) within `windowSeconds` (default 1800) is flapping'),
  storm: z
    .strictObject({
      enabled: flag.optional(),
      incidents: z.number({ error: 'must be a number' }).int('must be whole').min(1, 'must be at least 1').max(10_000, 'must be at most 10000').optional(),
      windowSeconds: seconds(10, 86_400).optional(),
      quietSeconds: seconds(60, 86_400).optional(),
    })
    .optional()
    .describe('more than `incidents` (default 5) new incidents within `windowSeconds` (default 300) are a storm; it ends after `quietSeconds` (default 600) without one'),
});

/** The effective noise settings of a service (the defaults where nobody set a value). */
export const noiseSettingsJson = z.strictObject({
  lateCopySeconds: z.int(),
  flapping: z.strictObject({ enabled: z.boolean(), changes: z.int(), windowSeconds: z.int() }),
  storm: z.strictObject({ enabled: z.boolean(), incidents: z.int(), windowSeconds: z.int(), quietSeconds: z.int() }),
});

/** POST /api/v1/services. Strict: an unknown field is a 400 naming it, not silently dropped. */
export const createServiceBody = z.strictObject({
  name: fields.name,
  description: fields.description.default(null),
  teamId: fields.teamId.default(null),
  escalationPolicyId: fields.escalationPolicyId.default(null),
  groupBy: fields.groupBy.default([]),
  autoResolve: fields.autoResolve.default(true),
  urgency: fields.urgency.default('high'),
  ackTimeoutMinutes: fields.ackTimeoutMinutes.default(null),
  routingName: fields.routingName.default(null),
  noise: noiseSettingsPatch.default({}),
});
export type CreateServiceBody = z.infer<typeof createServiceBody>;

/** PATCH /api/v1/services/{id}: only the fields present change; null clears a nullable one. */
export const updateServiceBody = z.strictObject({
  name: fields.name.optional(),
  description: fields.description.optional(),
  teamId: fields.teamId.optional(),
  escalationPolicyId: fields.escalationPolicyId.optional(),
  groupBy: fields.groupBy.optional(),
  autoResolve: fields.autoResolve.optional(),
  urgency: fields.urgency.optional(),
  ackTimeoutMinutes: fields.ackTimeoutMinutes.optional(),
  routingName: fields.routingName.optional(),
  noise: noiseSettingsPatch.optional(),
});
export type UpdateServiceBody = z.infer<typeof updateServiceBody>;

/** A service as the API shows it. */
export const serviceJson = z.strictObject({
  id: uuid,
  name: z.string(),
  description: z.string().nullable(),
  teamId: uuid.nullable(),
  escalationPolicyId: uuid.nullable(),
  groupBy: z.array(z.string()),
  autoResolve: z.boolean(),
  urgency,
  ackTimeoutMinutes: z.int().nullable(),
  routingName: z.string().nullable().describe('dynamic routing (docs/routing.md): the value a route\'s label must have to send alerts here'),
  noise: noiseSettingsJson,
  createdAt: instant,
  updatedAt: instant,
});
export type ServiceJson = z.infer<typeof serviceJson>;
