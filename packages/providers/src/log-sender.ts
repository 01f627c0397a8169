import type { Logger } from '@heinrich/config/logger';
import type { DeliverySender } from './delivery-sender';

/**
 * The `log` channel (the demo's): one structured log line per page, saying what
 * a person would read in an SMS: the incident's number, title, service and link,
 * and who is paged. The timeline entry is written by runDelivery.
 */
export function logSender(logger: Logger): DeliverySender {
  return {
    send(m) {
      logger.info(
        {
          deliveryId: m.deliveryId,
          incidentId: m.incident.id,
          incidentNumber: m.incident.number,
          title: m.incident.title,
          service: m.service.name,
          urgency: m.incident.urgency,
          url: m.incident.url,
          userId: m.user.id,
          user: m.user.name,
          label: m.target,
          step: m.step + 1,
        },
        'page delivered to the log',
      );
      return Promise.resolve({ providerId: null });
    },
  };
}
