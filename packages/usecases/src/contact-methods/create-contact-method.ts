import { randomBytes } from 'node:crypto';
import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { checkContactValue, type ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { insertContactMethod } from '@heinrich/db/contact-methods/insert-contact-method';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { contactMethodSnapshot, type ContactMethodRecord } from './contact-method-record';
import { personalOwner } from './personal-owner';
import type { SlackClientLike } from '@heinrich/providers/slack/create-slack-client';
import { slackMemberIdFor } from '../slack/slack-member-id-for';

export interface CreateContactMethodInput {
  type: ContactMethodType;
  value: string;
}

/**
 * Adds a way to reach the user. sms and voice numbers are stored unverified
 * (they page only once verified: the Twilio issue brings the flow); slack,
 * webhook and log methods are usable at once. A webhook method gets a signing
 * secret, returned here and never again. A slack method's value may be an
 * email: it is looked up in Slack (deps.slack) and stored as the member id. A
 * webhook to a link-local or metadata address is refused, and to a loopback or
 * private one unless `deps.allowPrivateWebhooks`.
 */
export async function createContactMethod(
  ctx: Context,
  principal: Principal,
  userId: string,
  input: CreateContactMethodInput,
  deps: {
    slack?: SlackClientLike;
    /** webhooks may point at loopback and private addresses (WEBHOOK_ALLOW_PRIVATE, or a loopback PUBLIC_URL) */
    allowPrivateWebhooks?: boolean;
  } = {},
): Promise<{ method: ContactMethodRecord; signingSecret: string | null }> {
  const value = input.type === 'slack' ? await slackMemberIdFor(input.value, deps) : input.value;
  const checked = checkContactValue(input.type, value, { allowPrivateWebhooks: deps.allowPrivateWebhooks ?? false });
  if (!checked.ok) {
    throw new AppError('validation_failed', `Request body is invalid: value ${checked.message}`, [{ path: 'value', message: checked.message }]);
  }
  const now = ctx.now();
  const signingSecret = input.type === 'webhook' ? `whsec_${randomBytes(32).toString('base64url')}` : null;
  return withTransaction(ctx.db, async (tx) => {
    const user = await personalOwner(tx, userId);
    requireAllowed(principal, 'contact_method.create', { user });
    const method = await insertContactMethod(tx, {
      userId,
      type: input.type,
      value: checked.value,
      verifiedAt: input.type === 'sms' || input.type === 'voice' ? null : now,
      signingSecret,
      createdAt: now,
    });
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'contact_method.create',
      entityType: 'contact_method',
      entityId: method.id,
      before: null,
      after: contactMethodSnapshot(method),
    });
    return { method, signingSecret };
  });
}
