import { AppError } from '@heinrich/core/app-error';
import { findHeartbeat } from '@heinrich/db/heartbeats/find-heartbeat';
import type { HeartbeatRow } from '@heinrich/db/heartbeats/heartbeat-row';
import { selectHeartbeats } from '@heinrich/db/heartbeats/select-heartbeats';
import type { Context } from '../context';
import { findServiceOwner } from '../services/find-service-owner';

/** Heartbeats of one service (404 when there is no such service) or of all. Every caller may read. */
export async function listHeartbeats(ctx: Context, filter: { serviceId?: string | undefined }): Promise<HeartbeatRow[]> {
  if (filter.serviceId) await findServiceOwner(ctx.db.pool, filter.serviceId);
  return selectHeartbeats(ctx.db.pool, filter);
}

export async function getHeartbeat(ctx: Context, id: string): Promise<HeartbeatRow> {
  const hb = await findHeartbeat(ctx.db.pool, id);
  if (!hb) throw AppError.notFound('Heartbeat', id);
  return hb;
}
