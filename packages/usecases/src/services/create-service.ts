import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { patchNoiseSettings, type NoiseSettingsPatch } from '@heinrich/core/noise/noise-settings';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { insertService } from '@heinrich/db/services/insert-service';
import type { ServiceRow, ServiceSettings } from '@heinrich/db/services/service-row';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { checkServiceReferences } from './check-service-references';
import { duplicateRoutingName } from './duplicate-routing-name';
import { serviceSnapshot } from './service-snapshot';

/** What a creator gives: the settings, noise control as a patch over the defaults. */
export type NewService = Omit<ServiceSettings, 'noise'> & { noise?: NoiseSettingsPatch };

/** A new service, in the team given (leads of that team or admins; without a team, admins). */
export async function createService(ctx: Context, principal: Principal, input: NewService): Promise<ServiceRow> {
  const { team } = await checkServiceReferences(ctx.db.pool, input);
  requireAllowed(principal, 'service.create', { service: input.name, team: team ?? null });
  return withTransaction(ctx.db, async (tx) => {
    const service = await insertService(tx, { ...input, noise: patchNoiseSettings({}, input.noise ?? {}) }).catch(duplicateRoutingName(input.routingName));
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'service.create',
      entityType: 'service',
      entityId: service.id,
      before: null,
      after: serviceSnapshot(service),
    });
    return service;
  });
}
