import { AppError } from '@heinrich/core/app-error';
import { findServiceById } from '@heinrich/db/services/find-service-by-id';
import type { ServiceRow } from '@heinrich/db/services/service-row';
import type { Context } from '../context';

/** The service, or a 404 naming the id. */
export async function getService(ctx: Context, id: string): Promise<ServiceRow> {
  const service = await findServiceById(ctx.db.pool, id);
  if (!service) throw AppError.notFound('Service', id);
  return service;
}
