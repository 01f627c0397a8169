import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { lockRow } from '@heinrich/db/lock-row';
import { isProbeRow } from '@heinrich/db/probe/ensure-probe';
import { deleteServiceById } from '@heinrich/db/services/delete-service-by-id';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { findServiceOwner } from './find-service-owner';
import { serviceSnapshot } from './service-snapshot';

/**
 * Deletes the service; Postgres cascades to its integration keys, incidents,
 * alerts, timelines and pending outbox rows (ON DELETE CASCADE).
 */
export async function deleteService(ctx: Context, principal: Principal, id: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    if (!(await lockRow(tx, 'services', id))) throw AppError.notFound('Service', id);
    const owner = await findServiceOwner(tx, id);
    requireAllowed(principal, 'service.delete', { service: owner.name, team: owner.team });
    if (await isProbeRow(tx, 'services', id)) {
      throw new AppError('conflict', `Cannot delete service ${owner.name}: it is the built-in synthetic probe's (PROBE_ENABLED=false stops the probe)`);
    }
    const before = await deleteServiceById(tx, id);
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'service.delete',
      entityType: 'service',
      entityId: id,
      before: serviceSnapshot(before),
      after: null,
    });
  });
}
