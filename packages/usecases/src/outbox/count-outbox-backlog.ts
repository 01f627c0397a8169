import { countOutbox } from '@heinrich/db/outbox/count-outbox';
import type { Context } from '../context';

/** Events committed but not yet handled by a worker (the outbox backlog gauge). */
export function countOutboxBacklog(ctx: Context): Promise<number> {
  return countOutbox(ctx.db.pool);
}
