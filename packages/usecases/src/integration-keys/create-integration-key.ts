import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@heinrich/core/alert-group';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { insertIntegrationKey } from '@heinrich/db/integration-keys/insert-integration-key';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { findServiceOwner } from '../services/find-service-owner';
import { integrationKeySnapshot } from './integration-key-snapshot';
import type { IntegrationKeySummary } from './integration-key-summary';
import { resolveWatchdogLink, type WatchdogLinkInput } from './watchdog-link';

export interface NewIntegrationKey {
  type: 'alertmanager' | 'events';
  name?: string;
  alertmanager?: {
    url: string;
    auth?: { type: 'bearer'; token: string } | { type: 'basic'; username: string; password: string };
  };
  /** the heartbeat of the service this key's Alertmanager Watchdog pings */
  heartbeat?: WatchdogLinkInput;
}

/**
 * A new key for the service. The secret (`hk_` + 24 random bytes as base64url,
 * 32 characters) is returned here and nowhere else; the database keeps its
 * SHA-256, which is what senders are looked up by.
 */
export async function createIntegrationKey(
  ctx: Context,
  principal: Principal,
  serviceId: string,
  input: NewIntegrationKey,
): Promise<{ key: IntegrationKeySummary; secret: string; warnings: { path: string; message: string }[] }> {
  const secret = `hk_${randomBytes(24).toString('base64url')}`;
  const owner = await findServiceOwner(ctx.db.pool, serviceId);
  requireAllowed(principal, 'integration_key.create', { service: owner.name, team: owner.team });
  const { watchdog, warnings } = input.heartbeat
    ? await resolveWatchdogLink(ctx.db.pool, { id: serviceId, name: owner.name }, input.heartbeat)
    : { watchdog: undefined, warnings: [] as { path: string; message: string }[] };
  const key = await withTransaction(ctx.db, async (tx) => {
    const created = await insertIntegrationKey(tx, {
      serviceId,
      type: input.type,
      name: input.name ?? input.type,
      secretHash: sha256Hex(secret),
      secretPrefix: secret.slice(0, 8),
      alertmanagerUrl: input.alertmanager?.url ?? null,
      // kept for creating silences in that Alertmanager later; never returned by the API
      ...(input.alertmanager?.auth ? { alertmanagerAuth: input.alertmanager.auth } : {}),
      ...(watchdog ? { watchdog } : {}),
    });
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'integration_key.create',
      entityType: 'integration_key',
      entityId: created.id,
      before: null,
      after: integrationKeySnapshot(created),
    });
    return created;
  });
  return { key, secret, warnings };
}
