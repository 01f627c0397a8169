import { maintenanceCoverageAt } from '@heinrich/core/maintenance/maintenance-occurrences';
import type { MaintenanceWindowRow } from '@heinrich/db/maintenance/maintenance-window-row';
import { findMaintenanceWindow, selectMaintenanceWindows } from '@heinrich/db/maintenance/write-maintenance-window';
import type { Context } from '../context';
import { findServiceOwner } from '../services/find-service-owner';
import { notFound } from './create-maintenance-window';
import { maintenanceWindowSpec } from './maintenance-window-spec';

/**
 * Windows, newest first (at most 500); `active: true` only those covering
 * their services now (a recurring one: during an occurrence), `false` the
 * others. Every caller may read.
 */
export async function listMaintenanceWindows(ctx: Context, filter: { active?: boolean | undefined; serviceId?: string | undefined }): Promise<MaintenanceWindowRow[]> {
  if (filter.serviceId) await findServiceOwner(ctx.db.pool, filter.serviceId);
  const now = ctx.now();
  const rows = await selectMaintenanceWindows(ctx.db.pool, { ...(filter.active ? { inForceAt: now } : {}), ...(filter.serviceId ? { serviceId: filter.serviceId } : {}) });
  if (filter.active === undefined) return rows;
  return rows.filter((w) => (maintenanceCoverageAt(maintenanceWindowSpec(w), now.getTime()) !== null) === filter.active);
}

export async function getMaintenanceWindow(ctx: Context, id: string): Promise<MaintenanceWindowRow> {
  const w = await findMaintenanceWindow(ctx.db.pool, id);
  if (!w) throw notFound(id);
  return w;
}
