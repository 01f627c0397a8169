import { noiseSettingsOf } from '@heinrich/core/noise/noise-settings';
import { normalizeAlertmanager, type AlertmanagerPayload } from '@heinrich/core/normalize-alertmanager';
import type { ActiveIntegrationKey } from '@heinrich/db/integration-keys/find-active-integration-key';
import { rememberExternalUrl } from '@heinrich/db/silences/remember-external-url';
import type { Context } from '../context';
import { ingestAlerts, type IngestSummary } from './ingest-alerts';

/** One Alertmanager notification, already authenticated and validated. */
export async function ingestAlertmanager(
  ctx: Context,
  key: ActiveIntegrationKey,
  payload: AlertmanagerPayload & { truncatedAlerts: number; externalURL?: string },
): Promise<IngestSummary> {
  const summary = await ingestAlerts(ctx, {
    serviceId: key.serviceId,
    autoResolve: key.autoResolve,
    noise: noiseSettingsOf(key.noise),
    alerts: normalizeAlertmanager(payload, key.groupBy),
    truncatedAlerts: payload.truncatedAlerts,
    via: 'alertmanager',
    actor: `integration-key:${key.keyId}`,
  });
  // where silences of these alerts go when the key has no Alertmanager URL configured
  // (after the commit, and only when it changed: not a write per notification)
  if (payload.externalURL && payload.externalURL !== key.externalUrl && /^https?:\/\//.test(payload.externalURL)) {
    await rememberExternalUrl(ctx.db.pool, key.keyId, payload.externalURL).catch((err: unknown) =>
      ctx.logger.warn({ err, keyId: key.keyId }, 'could not store the Alertmanager externalURL'),
    );
  }
  return summary;
}
