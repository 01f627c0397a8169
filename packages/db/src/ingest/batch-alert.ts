import type { StoredAlertRules } from '@heinrich/core/alert-rules/apply-batch-alert-rules';
import type { IncomingAlert } from '@heinrich/core/incoming-alert';

/**
 * One distinct occurrence of an ingest batch. Deliveries committed together
 * (group commit) may carry the same occurrence several times — HA
 * Alertmanagers, retries — so it appears once here with the number of `copies`.
 */
export interface BatchAlert {
  /** position in the batch, echoed back by the statements */
  index: number;
  serviceId: string;
  alert: IncomingAlert;
  copies: number;
  /** what the service's alert rules did to a new firing occurrence (alerts.alert_rules, incidents.suppressed_by) */
  rules?: StoredAlertRules;
}

/** Statement rows are sorted like this everywhere, so concurrent batches lock rows in one order. */
export function byOccurrence(a: BatchAlert, b: BatchAlert): number {
  return (
    cmp(a.serviceId, b.serviceId) || cmp(a.alert.fingerprint, b.alert.fingerprint) || cmp(a.alert.startsAt, b.alert.startsAt)
  );
}

function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
