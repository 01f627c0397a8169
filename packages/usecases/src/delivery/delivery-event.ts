import { incidentEventDraft, type IncidentEventData } from '@heinrich/core/incidents/incident-event-catalog';
import type { DeliveryRow } from '@heinrich/db/delivery/delivery-row';
import type { NewIncidentEvent } from '@heinrich/db/incidents/record-events';

/** The timeline types about one delivery: their data starts with the delivery's own keys. */
export type DeliveryEventType = 'notified' | 'notification_delivered' | 'notification_retry' | 'notification_failed' | 'notification_unavailable';
type DeliveryKeys = 'deliveryId' | 'userId' | 'channel' | 'step' | 'cycle';

/** A timeline entry about delivery `d` (by the system, via its channel): the delivery's keys, then `data` (typed by the catalog). */
export function deliveryEvent<T extends DeliveryEventType>(d: DeliveryRow, type: T, message: string, data: Omit<IncidentEventData<T>, DeliveryKeys>): NewIncidentEvent {
  const full = { deliveryId: d.id, userId: d.userId, channel: d.channel, step: d.step, cycle: d.cycle, ...data } as IncidentEventData<T>;
  return { incidentId: d.incidentId, ...incidentEventDraft(type, full), message, actor: 'system', via: d.channel };
}
