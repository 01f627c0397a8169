import { z } from 'zod';
import { instant, uuid } from './primitives';

// Shapes and limits match packages/core/src/escalation (validateEscalationPolicy),
// which the use cases run as well (duplicate targets; users, schedules and the team must exist).

export const escalationTargetType = z.enum(['user', 'schedule', 'slackChannel'], { error: 'must be "user", "schedule" or "slackChannel"' });

const target = z.strictObject({
  type: escalationTargetType,
  /** a user or schedule id (UUID), or a Slack channel id */
  id: z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});

const step = z.strictObject({
  delayMinutes: z
    .number({ error: 'must be a number of minutes' })
    .int('must be whole minutes')
    .min(1, 'must be at least 1 (the wait before the next step)')
    .max(10_080, 'must be at most 10080 (a week)'),
  targets: z.array(target, { error: 'must be an array of targets' }).min(1, 'must list at least one target').max(20, 'must list at most 20 targets'),
});

const fields = {
  name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  teamId: uuid,
  repeat: z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be at least 0').max(9, 'must be at most 9'),
  steps: z.array(step, { error: 'must be an array of steps' }).min(1, 'must have at least one step').max(20, 'must have at most 20 steps'),
};

/** POST /api/v1/escalation-policies. Strict: an unknown field is a 400 naming it. */
export const createEscalationPolicyBody = z.strictObject({
  name: fields.name,
  teamId: fields.teamId,
  repeat: fields.repeat.default(0),
  steps: fields.steps,
});
export type CreateEscalationPolicyBody = z.infer<typeof createEscalationPolicyBody>;

/** PATCH /api/v1/escalation-policies/{id}: only the fields present change; `steps` replaces all steps. */
export const updateEscalationPolicyBody = z.strictObject({
  name: fields.name.optional(),
  teamId: fields.teamId.optional(),
  repeat: fields.repeat.optional(),
  steps: fields.steps.optional(),
});
export type UpdateEscalationPolicyBody = z.infer<typeof updateEscalationPolicyBody>;

export const escalationPolicyJson = z.strictObject({
  id: uuid,
  name: z.string(),
  teamId: uuid.nullable().describe('null once the team is deleted (then only admins change the policy)'),
  repeat: z.int(),
  steps: z.array(z.strictObject({ delayMinutes: z.int(), targets: z.array(z.strictObject({ type: escalationTargetType, id: z.string() })) })),
  createdAt: instant,
  updatedAt: instant,
});
export type EscalationPolicyJson = z.infer<typeof escalationPolicyJson>;
