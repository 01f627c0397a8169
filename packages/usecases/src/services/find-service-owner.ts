import { AppError } from '@heinrich/core/app-error';
import type { Queryable } from '@heinrich/db/queryable';
import { selectServiceOwner, type ServiceOwner } from '@heinrich/db/services/select-service-owner';

export type { ServiceOwner };

/** A service's name and team, which decide who may change it and act on its incidents; 404 when there is none. */
export async function findServiceOwner(q: Queryable, serviceId: string): Promise<ServiceOwner> {
  const service = await selectServiceOwner(q, serviceId);
  if (!service) throw AppError.notFound('Service', serviceId);
  return service;
}
