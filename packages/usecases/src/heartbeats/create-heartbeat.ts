import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import type { HeartbeatRow } from '@heinrich/db/heartbeats/heartbeat-row';
import { insertHeartbeat } from '@heinrich/db/heartbeats/insert-heartbeat';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { findServiceOwner } from '../services/find-service-owner';
import { isUniqueViolation } from '../unique-violation';
import { heartbeatSnapshot } from './heartbeat-snapshot';
import { newHeartbeatToken } from './heartbeat-token';

export interface NewHeartbeat {
  serviceId: string;
  name: string;
  intervalSeconds: number;
  graceSeconds?: number | undefined;
}

/**
 * A new heartbeat monitor on the service, in state `new` (no alert before its
 * first ping). The token is returned here (and by rotate) and nowhere else.
 */
export async function createHeartbeat(ctx: Context, principal: Principal, input: NewHeartbeat): Promise<{ heartbeat: HeartbeatRow; token: string }> {
  const owner = await findServiceOwner(ctx.db.pool, input.serviceId);
  requireAllowed(principal, 'heartbeat.manage', { service: owner.name, team: owner.team, heartbeat: input.name });
  const { token, tokenHash, tokenPrefix } = newHeartbeatToken();
  try {
    const heartbeat = await withTransaction(ctx.db, async (tx) => {
      const created = await insertHeartbeat(tx, {
        serviceId: owner.id,
        name: input.name,
        intervalSeconds: input.intervalSeconds,
        graceSeconds: input.graceSeconds ?? 0,
        tokenHash,
        tokenPrefix,
      });
      await insertAuditEntry(tx, auditActorOf(principal), {
        action: 'heartbeat.create',
        entityType: 'heartbeat',
        entityId: created.id,
        before: null,
        after: heartbeatSnapshot(created),
      });
      return created;
    });
    return { heartbeat, token };
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('conflict', `Service ${owner.name} already has a heartbeat named ${input.name}`, [{ path: 'name', message: 'is taken in this service' }]);
    }
    throw err;
  }
}
