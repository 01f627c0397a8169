import { countDeliveryBacklog as count } from '@heinrich/db/delivery/count-delivery-backlog';
import type { Context } from '../context';

/** Queued deliveries already due (the heinrich_delivery_backlog gauge). */
export function countDeliveryBacklog(ctx: Pick<Context, 'db' | 'now'>): Promise<number> {
  return count(ctx.db.pool, ctx.now());
}
