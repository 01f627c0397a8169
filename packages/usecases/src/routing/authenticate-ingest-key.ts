import { sha256Hex } from '@heinrich/core/alert-group';
import { AppError } from '@heinrich/core/app-error';
import { findActiveIntegrationKey, type ActiveIntegrationKey } from '@heinrich/db/integration-keys/find-active-integration-key';
import { findRoutingIntegrationBySecret, type RoutingIntegrationRow } from '@heinrich/db/routing/routing-integration-row';
import type { Context } from '../context';

export type IngestKey = { kind: 'service'; key: ActiveIntegrationKey } | { kind: 'routing'; integration: RoutingIntegrationRow };

/**
 * The key a sender presented on an ingest endpoint: a service's integration key
 * of that type, or a routing integration's key (accepted by the Alertmanager and
 * the Events endpoints alike), or 401. The answer never says whether a key
 * exists, was revoked or belongs to another integration type.
 */
export async function authenticateIngestKey(ctx: Context, secret: string | undefined, type: ActiveIntegrationKey['type']): Promise<IngestKey> {
  if (!secret || secret.length > 256) throw new AppError('unauthenticated', 'Missing or invalid integration key');
  const hash = sha256Hex(secret);
  const key = await findActiveIntegrationKey(ctx.db.pool, hash);
  if (key) {
    if (key.type !== type) throw new AppError('unauthenticated', 'Missing or invalid integration key');
    return { kind: 'service', key };
  }
  const integration = await findRoutingIntegrationBySecret(ctx.db.pool, hash);
  if (!integration) throw new AppError('unauthenticated', 'Missing or invalid integration key');
  return { kind: 'routing', integration };
}
