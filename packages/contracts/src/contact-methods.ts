import { CONTACT_METHOD_TYPES } from '@heinrich/core/delivery/contact-method-value';
import { z } from 'zod';
import { uuid } from './primitives';

/** POST /api/v1/users/{id}/contact-methods (the value is checked per type in the use case). */
export const createContactMethodBody = z.strictObject({
  type: z.enum(CONTACT_METHOD_TYPES, { error: 'must be "sms", "voice", "slack", "webhook" or "log"' }),
  value: z.string({ error: 'is required' }).max(2000, 'must be at most 2000 characters'),
});
export type CreateContactMethodBody = z.infer<typeof createContactMethodBody>;

export interface ContactMethodJson {
  id: string;
  userId: string;
  type: (typeof CONTACT_METHOD_TYPES)[number];
  value: string;
  /** sms and voice page only once verified (null: not yet); other types are usable at once */
  verified: boolean;
  verifiedAt: string | null;
  /** sms: the number replied STOP (or Twilio reported it unsubscribed); not paged until START */
  disabled: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
  createdAt: string;
}

/** Where a phone method's verification stands (docs/twilio.md). */
export interface VerificationJson {
  status: 'sent' | 'unavailable' | 'failed' | 'not-needed';
  message: string;
  expiresAt?: string;
}

/** The answer to creating a method: a webhook's signing secret, shown this once; a phone's verification. */
export interface CreatedContactMethodJson extends ContactMethodJson {
  signingSecret?: string;
  verification?: VerificationJson;
}

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

export interface NotificationRuleJson {
  id: string;
  userId: string;
  contactMethodId: string;
  delayMinutes: number;
  urgency: (typeof NOTIFICATION_URGENCIES)[number];
  createdAt: string;
}

/** GET /api/v1/notifications?incidentId=&userId= (at least one) */
export const notificationListQuery = z
  .strictObject({ incidentId: uuid.optional(), userId: uuid.optional() })
  .refine((q) => q.incidentId !== undefined || q.userId !== undefined, { path: ['incidentId'], message: 'or userId is required' });
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export interface DeliveryJson {
  id: string;
  contactMethodId: string | null;
  channel: string;
  /** the method by type and masked value: "webhook to hooks.example.com", "SMS to +49 ••• 67" */
  target: string;
  /** the method's value (URL, number, Slack id) for the person, admins and the leads of a team they are on call for; else null */
  value: string | null;
  ruleId: string | null;
  dueAt: string;
  status: 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'cancelled' | 'unavailable';
  attempts: number;
  providerId: string | null;
  error: string | null;
  /** oldest first */
  history: { status: string; at: string; error?: string; providerId?: string; attempt?: number }[];
}

/** One page of a person (incident, cycle, step) and its deliveries. */
export interface NotificationJson {
  id: string;
  incidentId: string;
  userId: string;
  cycle: number;
  step: number;
  status: 'pending' | 'cancelled' | 'sent' | 'failed';
  allowVoice: boolean;
  reason: unknown;
  createdAt: string;
  deliveries: DeliveryJson[];
}
