import { deleteNotificationRule } from '@heinrich/usecases/notification-rules/delete-notification-rule';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parseId } from '../../http/parse';

/** DELETE /api/v1/users/{id}/notification-rules/{ruleId} — 204 */
export function deleteNotificationRuleRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    await deleteNotificationRule(deps.ctx, principalOf(res), parseId(req.params.id, 'User'), parseId(req.params.ruleId, 'Notification rule'));
    res.status(204).end();
  };
}
