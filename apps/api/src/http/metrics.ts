import type { RequestHandler } from 'express';
import { createRedisUpGauge } from '@heinrich/jobs/redis-up-gauge';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type ApiMetrics = ReturnType<typeof createApiMetrics>;

export function createApiMetrics(opts: { /** whether Redis answers a PING now (heinrich_redis_up), asked on every scrape */ redisUp?: () => Promise<boolean> } = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'heinrich_api_' });
  const { redisUp } = opts;
  if (redisUp) createRedisUpGauge(registry, redisUp);
  const httpDuration = new Histogram({
    name: 'heinrich_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const alertsReceived = new Counter({
    name: 'heinrich_alerts_received_total',
    help: 'Alerts received, by integration type',
    labelNames: ['source'] as const,
    registers: [registry],
  });
  const alertsDeduplicated = new Counter({
    name: 'heinrich_alerts_deduplicated_total',
    help: 'Alerts that were re-sends of an occurrence already held (repeats, HA duplicates)',
    labelNames: ['source'] as const,
    registers: [registry],
  });
  const incidentsOpened = new Counter({
    name: 'heinrich_incidents_opened_total',
    help: 'Incidents opened, by integration type',
    labelNames: ['source'] as const,
    registers: [registry],
  });
  const outboxDeferred = new Counter({
    name: 'heinrich_outbox_deferred_total',
    help: 'Committed events that could not be enqueued at once (Redis unavailable); the relay sends them later',
    registers: [registry],
  });
  const flapSuppressions = new Counter({
    name: 'heinrich_flap_suppressions_total',
    help: 'Firings of a flapping alert group that paged no one (joined or re-opened its incident; docs/noise.md "Flapping"), by integration type',
    labelNames: ['source'] as const,
    registers: [registry],
  });
  const credentialReloads = new Counter({
    name: 'heinrich_credential_reloads_total',
    help: 'Credential files read again after they changed (docs/kubernetes.md), by credential name; result "refused" kept the previous value',
    labelNames: ['credential', 'result'] as const,
    registers: [registry],
  });
  const unroutedAlerts = new Counter({
    name: 'heinrich_routing_unrouted_alerts_total',
    help: 'Alerts a routing integration sent to its catch-all service (outcome "catch_all") or dropped and recorded (outcome "dropped"); listed at GET /api/v1/routing-integrations/{id}/unrouted (docs/routing.md)',
    labelNames: ['source', 'outcome'] as const,
    registers: [registry],
  });
  return { registry, httpDuration, alertsReceived, alertsDeduplicated, incidentsOpened, outboxDeferred, flapSuppressions, credentialReloads, unroutedAlerts };
}

/** Observes every request under its route pattern (not the raw URL: no label explosion). */
export function observeRequests(metrics: ApiMetrics): RequestHandler {
  return (req, res, next) => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}
