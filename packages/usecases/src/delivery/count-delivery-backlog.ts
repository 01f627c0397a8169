import { countDeliveryBacklog as count } from '@heinrich/db/delivery/count-delivery-backlog';
import type { Context } from '../context';

/** Queued deliveries already due and claimed ones past their lease (the heinrich_delivery_backlog gauge). */
export function countDeliveryBacklog(ctx: Pick<Context, 'db' | 'now'>): Promise<number> {
  return count(ctx.db.pool, ctx.now());
}
