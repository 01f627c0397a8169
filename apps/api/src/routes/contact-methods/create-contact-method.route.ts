import { allowsPrivateWebhooks } from '@heinrich/core/delivery/webhook-address';
import { createContactMethodBody, type CreatedContactMethodJson } from '@heinrich/contracts/contact-methods';
import { createContactMethod } from '@heinrich/usecases/contact-methods/create-contact-method';
import { sendVerificationCode } from '@heinrich/usecases/contact-methods/send-verification-code';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse, parseId } from '../../http/parse';
import { contactMethodJson } from './contact-method-json';

/**
 * POST /api/v1/users/{id}/contact-methods — 201; a webhook method's `signingSecret`
 * is shown this once; an sms/voice method gets a verification code at once and
 * `verification` says whether it went (or why not: no Twilio, a refused number).
 * A slack method's value may be an email, looked up in Slack (SLACK_BOT_TOKEN).
 */
export function createContactMethodRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const userId = parseId(req.params.id, 'User');
    const body = parse(createContactMethodBody, req.body);
    const { method, signingSecret } = await createContactMethod(deps.ctx, principalOf(res), userId, body, {
      slack: deps.slack,
      allowPrivateWebhooks: allowsPrivateWebhooks(deps.config.publicUrl, deps.config.webhookAllowPrivate),
    });
    const json: CreatedContactMethodJson = contactMethodJson(method);
    if (method.type === 'sms' || method.type === 'voice') {
      const v = await sendVerificationCode(deps.ctx, deps.twilio, principalOf(res), userId, method.id, { initial: true });
      json.verification = { status: v.status, message: v.message, ...(v.expiresAt ? { expiresAt: v.expiresAt.toISOString() } : {}) };
    }
    if (signingSecret) {
      json.signingSecret = signingSecret;
      res.setHeader('Cache-Control', 'no-store');
    }
    res.status(201).location(`/api/v1/users/${userId}/contact-methods/${method.id}`).json(json);
  };
}
