import type { ContactMethodType } from '@heinrich/core/delivery/contact-method-value';
import type { DispatchRow } from '@heinrich/db/delivery/find-deliveries-to-dispatch';
import type pg from 'pg';
import { planPendingPages } from './plan-pending-pages';

/**
 * The engine's short cut to the providers, in processes that run delivery:
 * pages are planned in the engine's own transaction and their jobs added as
 * soon as it commits, instead of waiting for the NOTIFY and a dispatcher pass.
 * The dispatcher stays the backstop (a job that could not be added is
 * unmarked; one lost after that is re-added once overdue).
 */
export interface DeliveryHandoff {
  /** channels with a provider in this process */
  configured: ReadonlySet<ContactMethodType>;
  /** after commit: a job per delivery (addDeliveryJobs); never throws */
  enqueue(rows: DispatchRow[]): Promise<void>;
}

/**
 * In the engine's transaction, after it wrote the incident's pages: plans them
 * (deliveries, and the plan on the timeline), the deliveries on configured
 * channels written marked enqueued. Returns those, for `handoff.enqueue` after commit.
 */
export async function planDeliveriesInTransaction(client: pg.PoolClient, incidentId: string, now: Date, handoff: Pick<DeliveryHandoff, 'configured'>): Promise<DispatchRow[]> {
  const { enqueued } = await planPendingPages(client, now, { incidentId, enqueue: handoff.configured });
  return enqueued;
}
