import { CONTACT_METHOD_TYPES } from '@heinrich/core/delivery/contact-method-value';
import { z } from 'zod';
import { inputWarningsJson } from './input-warnings';
import { instant, uuid } from './primitives';

/** POST /api/v1/users/{id}/contact-methods (the value is checked per type in the use case). */
export const createContactMethodBody = z.strictObject({
  type: z.enum(CONTACT_METHOD_TYPES, { error: 'must be "sms", "voice", "slack", "webhook" or "log"' }),
  value: z.string({ error: 'is required' }).max(2000, 'must be at most 2000 characters'),
});
export type CreateContactMethodBody = z.infer<typeof createContactMethodBody>;

export const contactMethodJson = z.strictObject({
  id: uuid,
  userId: uuid,
  type: z.enum(CONTACT_METHOD_TYPES),
  value: z.string(),
  verified: z.boolean().describe('sms and voice page only once verified; other types are usable at once'),
  verifiedAt: instant.nullable(),
  disabled: z.boolean().describe('sms: the number replied STOP (or Twilio reported it unsubscribed); not paged until START'),
  disabledAt: instant.nullable(),
  disabledReason: z.string().nullable(),
  createdAt: instant,
  lastDeliveredAt: instant.nullable().describe('when a page (or a test page) on this method last went out (sent or delivered); null: never'),
});
export type ContactMethodJson = z.infer<typeof contactMethodJson>;

/** Where a phone method's verification stands (docs/twilio.md). */
export const verificationJson = z.strictObject({
  status: z.enum(['sent', 'unavailable', 'failed', 'not-needed']),
  message: z.string(),
  expiresAt: instant.optional(),
});
export type VerificationJson = z.infer<typeof verificationJson>;

/** The answer to creating a method: a webhook's signing secret, shown this once; a phone's verification. */
export const createdContactMethodJson = contactMethodJson.extend({
  signingSecret: z.string().optional().describe("a webhook method's signing secret: shown this once"),
  verification: verificationJson.optional(),
});
export type CreatedContactMethodJson = z.infer<typeof createdContactMethodJson>;

/** The answer to POST /api/v1/users/{id}/contact-methods/{methodId}/test (202): the test page's delivery is queued; follow it in GET /api/v1/notifications?incidentId= */
export const testPageJson = z.strictObject({
  incidentId: uuid.describe('the test incident (is_test: listed nowhere, never escalated)'),
  incidentNumber: z.int(),
  notificationId: uuid,
  deliveryId: uuid,
  status: z.literal('queued'),
});
export type TestPageJson = z.infer<typeof testPageJson>;

/** POST /api/v1/users/{id}/contact-methods/{methodId}/verify */
export const verifyContactMethodBody = z.strictObject({
  code: z.string({ error: 'is required' }).regex(/^\s*\d{6}\s*$/, 'must be the 6 digits that were sent'),
});

export const NOTIFICATION_URGENCIES = ['high', 'low', 'any'] as const;

/** POST /api/v1/users/{id}/notification-rules */
export const createNotificationRuleBody = z.strictObject({
  contactMethodId: uuid,
  delayMinutes: z.int({ error: 'must be a whole number of minutes' }).min(0, 'must be 0 or more').max(1440, 'must be at most 1440 (a day)'),
  urgency: z.enum(NOTIFICATION_URGENCIES, { error: 'must be "high", "low" or "any"' }).default('any'),
});
export type CreateNotificationRuleBody = z.infer<typeof createNotificationRuleBody>;

export const notificationRuleJson = z.strictObject({
  id: uuid,
  userId: uuid,
  contactMethodId: uuid,
  delayMinutes: z.int(),
  urgency: z.enum(NOTIFICATION_URGENCIES),
  createdAt: instant,
});
export type NotificationRuleJson = z.infer<typeof notificationRuleJson>;

/** The answer to adding a rule: the rule, and why it would send nothing yet (kept all the same). */
export const createdNotificationRuleJson = notificationRuleJson.extend({
  warnings: inputWarningsJson.describe('e.g. {"path":"contactMethodId","message":"This number is not verified yet: …"}; [] when the rule can page'),
});
export type CreatedNotificationRuleJson = z.infer<typeof createdNotificationRuleJson>;

/** GET /api/v1/notifications?incidentId=&userId= (at least one) */
export const notificationListQuery = z
  .strictObject({ incidentId: uuid.optional(), userId: uuid.optional() })
  .refine((q) => q.incidentId !== undefined || q.userId !== undefined, { path: ['incidentId'], message: 'or userId is required' });
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const deliveryJson = z.strictObject({
  id: uuid,
  contactMethodId: uuid.nullable(),
  channel: z.string(),
  target: z.string().describe('the method by type and masked value: "webhook to hooks.example.com", "SMS to +49 ••• 67"'),
  value: z
    .string()
    .nullable()
    .describe("the method's value (URL, number, Slack id) for the person, admins and the leads of a team they are on call for; else null"),
  ruleId: uuid.nullable(),
  dueAt: instant,
  status: z.enum(['queued', 'sending', 'sent', 'delivered', 'failed', 'cancelled', 'unavailable']),
  attempts: z.int(),
  providerId: z.string().nullable(),
  error: z.string().nullable(),
  history: z
    .array(z.strictObject({ status: z.string(), at: z.string(), error: z.string().optional(), providerId: z.string().optional(), attempt: z.int().optional() }))
    .describe('oldest first'),
});
export type DeliveryJson = z.infer<typeof deliveryJson>;

/** One page of a person (incident, cycle, step) and its deliveries. */
export const notificationJson = z.strictObject({
  id: uuid,
  incidentId: uuid,
  userId: uuid,
  cycle: z.int(),
  step: z.int(),
  status: z.enum(['pending', 'cancelled', 'sent', 'failed']),
  allowVoice: z.boolean(),
  reason: z.unknown().describe('why the escalation paged them (the engine\'s page reasons)'),
  test: z.boolean().describe('a test page (POST …/contact-methods/{methodId}/test): one method, never escalated, never counted'),
  createdAt: instant,
  deliveries: z.array(deliveryJson),
});
export type NotificationJson = z.infer<typeof notificationJson>;
