import type { HealthJson, ReadinessJson } from '@heinrich/contracts/health';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { AppError } from '@heinrich/core/app-error';
import { credentialFrom, secretsEqual } from '../../http/bearer-token';

/** GET /healthz — the process is up and serving. */
export function healthz(): RequestHandler {
  return (_req, res) => {
    res.json({ status: 'ok' } satisfies HealthJson);
  };
}

/**
 * GET /readyz — 200 when Postgres answers. Redis is reported but doesn't decide:
 * ingest keeps accepting alerts without it (the outbox holds the events).
 */
export function readyz(deps: AppDeps): RequestHandler {
  return async (_req, res) => {
    const postgres = await deps.pingDatabase();
    const redis = deps.redisStatus();
    res.status(postgres ? 200 : 503).json({
      status: postgres ? 'ready' : 'unavailable',
      postgres: postgres ? 'ok' : 'unreachable',
      redis: redis === 'ready' ? 'ok' : `unavailable (${redis}); alerts are still accepted and queued in Postgres`,
    } satisfies ReadinessJson);
  };
}

/** GET /metrics — Prometheus text format; behind METRICS_TOKEN when set. */
export function metrics(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const tokens = deps.config.credentials.accepted('METRICS_TOKEN');
    if (tokens.length > 0) {
      const presented = credentialFrom(req);
      if (!presented || !tokens.some((token) => secretsEqual(presented, token))) throw new AppError('unauthenticated', 'Missing or invalid metrics token');
    }
    res.setHeader('Content-Type', deps.metrics.registry.contentType);
    res.send(await deps.metrics.registry.metrics());
  };
}
