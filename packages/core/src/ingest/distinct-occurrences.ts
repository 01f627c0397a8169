import type { IncomingAlert } from '../incoming-alert';
import type { StoredAlertRules } from '../alert-rules/apply-batch-alert-rules';
import type { IngestDelivery } from './ingest-delivery';

/** One distinct occurrence (service, fingerprint, startsAt) of a batch. */
export interface DistinctOccurrence {
  /** position in `occurrences`, echoed back by the statements */
  index: number;
  serviceId: string;
  /** the newest copy's: its annotations win */
  alert: IncomingAlert;
  /** how many times the batch carried it (HA Alertmanagers, retries) */
  copies: number;
  /** the first delivery that carried it: outcomes are attributed to it */
  owner: number;
  /** what the service's alert rules did to it (new firing occurrences only; set by applyBatchAlertRules) */
  rules?: StoredAlertRules;
}

export interface DistinctBatch {
  occurrences: DistinctOccurrence[];
  /** per delivery, per alert: the index of its occurrence */
  indexesOf: number[][];
}

/** Folds the deliveries of one transaction into distinct occurrences. */
export function distinctOccurrences(deliveries: readonly IngestDelivery[]): DistinctBatch {
  const byKey = new Map<string, DistinctOccurrence>();
  const occurrences: DistinctOccurrence[] = [];
  const indexesOf = deliveries.map((d, owner) =>
    d.alerts.map((alert) => {
      const key = `${d.serviceId}\u0000${alert.fingerprint}\u0000${alert.startsAt}`;
      const seen = byKey.get(key);
      if (seen) {
        seen.copies += 1;
        seen.alert = alert;
        return seen.index;
      }
      const occurrence = { index: occurrences.length, serviceId: d.serviceId, alert, copies: 1, owner };
      byKey.set(key, occurrence);
      occurrences.push(occurrence);
      return occurrence.index;
    }),
  );
  return { occurrences, indexesOf };
}
