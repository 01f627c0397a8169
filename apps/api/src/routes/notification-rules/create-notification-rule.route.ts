import { createNotificationRuleBody } from '@heinrich/contracts/contact-methods';
import { createNotificationRule } from '@heinrich/usecases/notification-rules/create-notification-rule';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse, parseId } from '../../http/parse';
import { notificationRuleJson } from './notification-rule-json';

/** POST /api/v1/users/{id}/notification-rules — 201 */
export function createNotificationRuleRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const userId = parseId(req.params.id, 'User');
    const rule = await createNotificationRule(deps.ctx, principalOf(res), userId, parse(createNotificationRuleBody, req.body));
    res.status(201).location(`/api/v1/users/${userId}/notification-rules/${rule.id}`).json(notificationRuleJson(rule));
  };
}
