import { recordEvents } from '@heinrich/db/ingest/record-events';
import { claimOutboxMessage } from '@heinrich/db/outbox/claim-outbox-message';
import { withTransaction } from '@heinrich/db/with-transaction';
import type { Context } from '../context';

export type IncidentEventOutcome =
  | {
      handled: true;
      outboxId: string;
      topic: string;
      incidentId: string | null;
      /** ingest commit (outbox created_at, Postgres clock) to `now` (worker clock); never negative */
      lagMs: number;
    }
  /** the outbox row was already gone: a duplicate or late job, nothing done */
  | { handled: false; outboxId: string };

/**
 * Handles one outbox event exactly once: in ONE transaction the row is claimed
 * (deleted) and the event's work is done, so a duplicate job, a relayed copy or
 * a retry after a crash finds nothing and does nothing.
 *
 * The work for now: note on the incident timeline that the worker received the
 * event. The escalation engine will hang off this same transaction.
 */
export async function handleIncidentEvent(ctx: Context, outboxId: string, now: Date): Promise<IncidentEventOutcome> {
  return withTransaction(ctx.db.pool, async (client) => {
    const message = await claimOutboxMessage(client, outboxId);
    if (!message) return { handled: false, outboxId };
    // clamp: created_at comes from the database's clock, `now` from ours
    const lagMs = Math.max(0, now.getTime() - message.createdAt.getTime());
    if (message.incidentId) {
      await recordEvents(client, [
        {
          incidentId: message.incidentId,
          type: 'dispatched',
          message: `Worker received "${message.topic}"`,
          actor: 'worker',
          via: null,
          data: { outboxId: message.id, topic: message.topic, eventId: message.eventId, lagMs },
        },
      ]);
    }
    return { handled: true, outboxId, topic: message.topic, incidentId: message.incidentId, lagMs };
  });
}
