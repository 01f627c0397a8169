import type { Logger } from '@heinrich/config/logger';
import type { DeliverySender } from './delivery-sender';

/** The `log` channel (the demo's): a structured log line; the timeline entry is written by runDelivery. */
export function logSender(logger: Logger): DeliverySender {
  return {
    send(m) {
      logger.info(
        { deliveryId: m.deliveryId, incidentId: m.incident.id, incidentNumber: m.incident.number, title: m.incident.title, link: m.incident.url, userId: m.user.id, user: m.user.name, label: m.target, step: m.step + 1 },
        'page delivered to the log',
      );
      return Promise.resolve({ providerId: null });
    },
  };
}
