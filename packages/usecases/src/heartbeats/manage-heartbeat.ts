import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { findHeartbeat } from '@heinrich/db/heartbeats/find-heartbeat';
import type { HeartbeatRow } from '@heinrich/db/heartbeats/heartbeat-row';
import type { Tx } from '@heinrich/db/with-transaction';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { findServiceOwner } from '../services/find-service-owner';
import { heartbeatSnapshot } from './heartbeat-snapshot';

/**
 * The frame of every change of an existing heartbeat: in one transaction, lock
 * its row, authorize (leads of the service's team, admins), apply `change`,
 * and audit-log before and after as `heartbeat.<verb>` (no entry when nothing
 * changed: `change` returns the row unchanged or undefined for a delete).
 */
export async function manageHeartbeat<T>(
  ctx: Context,
  principal: Principal,
  id: string,
  verb: string,
  change: (tx: Tx, before: HeartbeatRow) => Promise<{ after: HeartbeatRow | null; result: T; changed?: boolean }>,
): Promise<T> {
  return withTransaction(ctx.db, async (tx) => {
    const before = await findHeartbeat(tx, id, { forUpdate: true });
    if (!before) throw AppError.notFound('Heartbeat', id);
    const owner = await findServiceOwner(tx, before.serviceId);
    requireAllowed(principal, 'heartbeat.manage', { service: owner.name, team: owner.team, heartbeat: before.name });
    const { after, result, changed = true } = await change(tx, before);
    if (changed) {
      await insertAuditEntry(tx, auditActorOf(principal), {
        action: `heartbeat.${verb}`,
        entityType: 'heartbeat',
        entityId: id,
        before: heartbeatSnapshot(before),
        after: after ? heartbeatSnapshot(after) : null,
      });
    }
    return result;
  });
}
