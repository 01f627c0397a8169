import { alertmanagerWebhook, type IngestSummaryJson } from '@heinrich/contracts/alertmanager-webhook';
import type { InputWarningsJson } from '@heinrich/contracts/input-warnings';
import { AppError } from '@heinrich/core/app-error';
import { repairText } from '@heinrich/core/repair-text';
import { ingestAlertmanager } from '@heinrich/usecases/ingest/ingest-alertmanager';
import { authenticateIngestKey } from '@heinrich/usecases/routing/authenticate-ingest-key';
import { ingestRoutedAlertmanager } from '@heinrich/usecases/routing/ingest-routed-alertmanager';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { credentialFrom } from '../../http/bearer-token';
import { parse } from '../../http/parse';

/**
 * POST /api/v1/integrations/alertmanager[/:key] — Alertmanager's webhook_config.
 * The key comes from `http_config.authorization` (Bearer), basic auth's password,
 * or the URL. 200 only after the transaction committed; 503 when Postgres is
 * away, so Alertmanager retries; 4xx for what a retry can't fix. What
 * Alertmanager can send but Postgres can't store (NUL, strings over 64 KiB) is
 * repaired and stored, the 200 listing each change in `warnings`. Volume is never
 * refused: only a group over ALERTMANAGER_MAX_ALERTS (100,000 by default) or
 * ALERTMANAGER_MAX_BODY_BYTES is a 413 naming the limit (docs/noise.md).
 */
export function receiveAlertmanager(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const sender = await authenticateIngestKey(deps.ctx, typeof req.params.key === 'string' ? req.params.key : credentialFrom(req), 'alertmanager');
    const body = req.body as { alerts?: unknown } | undefined;
    const max = deps.config.alertmanagerMaxAlerts;
    if (Array.isArray(body?.alerts) && body.alerts.length > max) {
      throw new AppError(
        'payload_too_large',
        `The notification has ${body.alerts.length} alerts, more than the limit of ${max} (ALERTMANAGER_MAX_ALERTS); set max_alerts on the webhook_config to at most ${max}`,
      );
    }
    const warnings: InputWarningsJson = [];
    const payload = repairText(parse(alertmanagerWebhook, req.body, 'Alertmanager payload'), warnings);
    // a routing integration's key (docs/routing.md): each alert to the service its routes choose
    const routed = sender.kind === 'routing' ? await ingestRoutedAlertmanager(deps.ctx, sender, payload) : null;
    const { flapSuppressed, ...summary } =
      sender.kind === 'service' ? await ingestAlertmanager(deps.ctx, sender.key, payload) : { ...routed!, alertsHeartbeat: 0, heartbeat: null };
    if (routed) {
      deps.metrics.unroutedAlerts.inc({ source: 'alertmanager', outcome: 'catch_all' }, routed.routing.catchAll);
      deps.metrics.unroutedAlerts.inc({ source: 'alertmanager', outcome: 'dropped' }, routed.routing.dropped);
    }
    deps.metrics.flapSuppressions.inc({ source: 'alertmanager' }, flapSuppressed);
    deps.metrics.alertsReceived.inc({ source: 'alertmanager' }, summary.alertsReceived);
    deps.metrics.alertsDeduplicated.inc({ source: 'alertmanager' }, summary.alertsDeduplicated);
    deps.metrics.incidentsOpened.inc({ source: 'alertmanager' }, summary.incidentsOpened);
    deps.metrics.outboxDeferred.inc(summary.deferred);
    res.status(200).json({ ...summary, warnings } satisfies IngestSummaryJson);
  };
}
