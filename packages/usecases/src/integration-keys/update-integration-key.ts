import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { findIntegrationKeySummary } from '@heinrich/db/integration-keys/find-integration-key-summary';
import { setIntegrationKeyWatchdog } from '@heinrich/db/integration-keys/set-integration-key-watchdog';
import { lockRow } from '@heinrich/db/lock-row';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { findServiceOwner } from '../services/find-service-owner';
import { integrationKeySnapshot } from './integration-key-snapshot';
import type { IntegrationKeySummary } from './integration-key-summary';
import { resolveWatchdogLink, type WatchdogLinkInput } from './watchdog-link';

/**
 * Links an Alertmanager key's Watchdog to a heartbeat of its service, or
 * unlinks it (`heartbeat: null`); audit-logged as integration_key.update. The
 * same people as for creating keys; 400 on `heartbeat` for an events key or
 * a revoked one.
 */
export async function updateIntegrationKey(
  ctx: Context,
  principal: Principal,
  serviceId: string,
  keyId: string,
  input: { heartbeat: WatchdogLinkInput | null },
): Promise<{ key: IntegrationKeySummary; warnings: { path: string; message: string }[] }> {
  const owner = await findServiceOwner(ctx.db.pool, serviceId);
  requireAllowed(principal, 'integration_key.create', { service: owner.name, team: owner.team });
  return withTransaction(ctx.db, async (tx) => {
    await lockRow(tx, 'integration_keys', keyId);
    const before = await findIntegrationKeySummary(tx, serviceId, keyId);
    if (!before) throw AppError.notFound('Integration key', keyId);
    if (input.heartbeat && (before.type !== 'alertmanager' || before.revokedAt)) {
      const message = before.revokedAt ? 'cannot be set on a revoked key' : 'is only for keys of type "alertmanager"';
      throw new AppError('validation_failed', `Request body is invalid: heartbeat ${message}`, [{ path: 'heartbeat', message }]);
    }
    const { watchdog, warnings } = input.heartbeat
      ? await resolveWatchdogLink(tx, { id: serviceId, name: owner.name }, input.heartbeat)
      : { watchdog: null, warnings: [] as { path: string; message: string }[] };
    const after = await setIntegrationKeyWatchdog(tx, keyId, watchdog);
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'integration_key.update',
      entityType: 'integration_key',
      entityId: keyId,
      before: integrationKeySnapshot(before),
      after: integrationKeySnapshot(after),
    });
    return { key: after, warnings };
  });
}
