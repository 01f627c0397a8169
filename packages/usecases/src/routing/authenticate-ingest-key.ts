import { sha256Hex } from '@heinrich/core/alert-group';
import { AppError } from '@heinrich/core/app-error';
import type { ActiveIntegrationKey } from '@heinrich/db/integration-keys/find-active-integration-key';
import { findIngestKey, type IngestKeyRow } from '@heinrich/db/integration-keys/find-ingest-key';
import type { Context } from '../context';

export type IngestKey = IngestKeyRow;
export type RoutingSender = Extract<IngestKey, { kind: 'routing' }>;

/**
 * The key a sender presented on an ingest endpoint: a service's integration key
 * of that type, or a routing integration's key (accepted by the Alertmanager and
 * the Events endpoints alike) with its fixed targets, or 401. One lookup for
 * both kinds. The answer never says whether a key exists, was revoked or
 * belongs to another integration type.
 */
export async function authenticateIngestKey(ctx: Context, secret: string | undefined, type: ActiveIntegrationKey['type']): Promise<IngestKey> {
  if (!secret || secret.length > 256) throw new AppError('unauthenticated', 'Missing or invalid integration key');
  const found = await findIngestKey(ctx.db.pool, sha256Hex(secret));
  if (!found || (found.kind === 'service' && found.key.type !== type)) throw new AppError('unauthenticated', 'Missing or invalid integration key');
  return found;
}
