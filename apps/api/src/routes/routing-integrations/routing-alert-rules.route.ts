import { putAlertRulesBody } from '@heinrich/contracts/alert-rules';
import type { RoutingAlertRulesJson } from '@heinrich/contracts/routing-integrations';
import type { AlertRule } from '@heinrich/core/alert-rules/alert-rule';
import { getRoutingAlertRules, replaceRoutingAlertRules } from '@heinrich/usecases/routing/routing-alert-rules';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse, parseId } from '../../http/parse';

function rulesJson(routingIntegrationId: string, rules: AlertRule[]): RoutingAlertRulesJson {
  return {
    routingIntegrationId,
    rules: rules.map((r) => ({ id: r.id, name: r.name, matchers: r.matchers, annotationMatchers: r.annotationMatchers, time: r.time, actions: r.actions, stop: r.stop })),
  };
}

/** GET /api/v1/routing-integrations/{id}/alert-rules — its ordered rules, run before its routes (docs/alert-rules.md). */
export function getRoutingAlertRulesRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const id = parseId(req.params.id, 'Routing integration');
    res.json(rulesJson(id, await getRoutingAlertRules(deps.ctx, id)));
  };
}

/** PUT /api/v1/routing-integrations/{id}/alert-rules — replaces them (the body of a service's); 200 with them, ids assigned. */
export function putRoutingAlertRulesRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const id = parseId(req.params.id, 'Routing integration');
    const body = parse(putAlertRulesBody, req.body ?? {});
    res.json(rulesJson(id, await replaceRoutingAlertRules(deps.ctx, principalOf(res), id, body.rules)));
  };
}
