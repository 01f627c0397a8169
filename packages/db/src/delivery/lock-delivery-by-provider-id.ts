import type pg from 'pg';
import { loadDelivery, type DeliveryRow } from './delivery-row';

/**
 * The delivery a provider callback is about, row-locked for the caller's
 * transaction (concurrent callbacks for one message queue up): by our id when
 * the callback URL carries it, else by the provider's id on that channel.
 * Undefined when nothing matches (yet: the callback may beat the commit that
 * records the provider id, unless it names our id).
 */
export async function lockDeliveryForCallback(
  client: pg.PoolClient,
  key: { channel: string; providerId?: string | null; deliveryId?: string | null },
): Promise<DeliveryRow | undefined> {
  const r = key.deliveryId
    ? await client.query<{ id: string }>(`SELECT id FROM deliveries WHERE id = $1 AND channel = $2 FOR UPDATE`, [key.deliveryId, key.channel])
    : await client.query<{ id: string }>(`SELECT id FROM deliveries WHERE channel = $1 AND provider_id = $2 ORDER BY created_at DESC LIMIT 1 FOR UPDATE`, [
        key.channel,
        key.providerId,
      ]);
  const id = r.rows[0]?.id;
  return id ? loadDelivery(client, id) : undefined;
}
