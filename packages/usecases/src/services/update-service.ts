import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { patchNoiseSettings } from '@heinrich/core/noise/noise-settings';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { lockRow } from '@heinrich/db/lock-row';
import { findServiceById } from '@heinrich/db/services/find-service-by-id';
import type { ServiceRow, ServiceSettings } from '@heinrich/db/services/service-row';
import { updateServiceSettings } from '@heinrich/db/services/update-service-settings';
import { withTransaction } from '@heinrich/db/with-transaction';
import { isDeepStrictEqual } from 'node:util';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { checkServiceReferences } from './check-service-references';
import type { NewService } from './create-service';
import { findServiceOwner } from './find-service-owner';
import { duplicateRoutingName } from './duplicate-routing-name';
import { serviceSnapshot } from './service-snapshot';

/**
 * Changes only the fields given; null clears a nullable one. Changing nothing
 * (no fields, or only the values it has) writes nothing: no updatedAt, no audit entry.
 */
export async function updateService(ctx: Context, principal: Principal, id: string, changes: Partial<NewService>): Promise<ServiceRow> {
  const { team: newTeam } = await checkServiceReferences(ctx.db.pool, changes);
  return withTransaction(ctx.db, async (tx) => {
    // locked: the authorization and the audit's "before" are about the row this changes
    if (!(await lockRow(tx, 'services', id))) throw AppError.notFound('Service', id);
    const owner = await findServiceOwner(tx, id);
    requireAllowed(principal, 'service.update', {
      service: owner.name,
      team: owner.team,
      ...(newTeam !== undefined ? { newTeam } : {}),
    });
    const before = await findServiceById(tx, id);
    if (!before) throw AppError.notFound('Service', id);
    const { noise, ...rest } = changes;
    const given: Partial<ServiceSettings> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    if (noise !== undefined) given.noise = patchNoiseSettings(before.noise, noise);
    const differs = Object.entries(given).some(([k, v]) => !isDeepStrictEqual(before[k as keyof ServiceRow], v));
    if (!differs) return before;
    const after = await updateServiceSettings(tx, id, given).catch(duplicateRoutingName(given.routingName));
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'service.update',
      entityType: 'service',
      entityId: id,
      before: serviceSnapshot(before),
      after: serviceSnapshot(after),
    });
    return after;
  });
}
