import { listNotificationRules } from '@heinrich/usecases/notification-rules/list-notification-rules';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parseId } from '../../http/parse';
import { notificationRuleJson } from './notification-rule-json';

/** GET /api/v1/users/{id}/notification-rules — by delay (the user themselves and admins). */
export function listNotificationRulesRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const rules = await listNotificationRules(deps.ctx, principalOf(res), parseId(req.params.id, 'User'));
    res.json({ items: rules.map(notificationRuleJson), nextCursor: null });
  };
}
