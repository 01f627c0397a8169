import { notificationListQuery, type DeliveryJson, type NotificationJson } from '@heinrich/contracts/contact-methods';
import { listNotifications, type NotificationRecord } from '@heinrich/usecases/notifications/list-notifications';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse } from '../../http/parse';

/**
 * GET /api/v1/notifications?incidentId=&userId= — the delivery log (at most 500 pages, oldest first);
 * each delivery names its method masked (`target`), its `value` only for who may see it.
 */
export function listNotificationsRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const items = await listNotifications(deps.ctx, principalOf(res), parse(notificationListQuery, req.query, 'Query'));
    res.json({ items: items.map(notificationJson), nextCursor: null });
  };
}

function notificationJson(n: NotificationRecord): NotificationJson {
  return {
    id: n.id,
    incidentId: n.incidentId,
    userId: n.userId,
    cycle: n.cycle,
    step: n.step,
    status: n.status,
    allowVoice: n.allowVoice,
    reason: n.reason,
    test: n.test,
    createdAt: n.createdAt.toISOString(),
    deliveries: n.deliveries.map(
      (d): DeliveryJson => ({
        id: d.id,
        contactMethodId: d.contactMethodId,
        channel: d.channel,
        target: d.target,
        value: d.value,
        ruleId: d.ruleId,
        dueAt: d.dueAt.toISOString(),
        status: d.status,
        attempts: d.attempts,
        providerId: d.providerId,
        error: d.error,
        history: d.history as DeliveryJson['history'],
      }),
    ),
  };
}
