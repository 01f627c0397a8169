import { putAlertRulesBody, type AlertRulesJson } from '@heinrich/contracts/alert-rules';
import type { AlertRule } from '@heinrich/core/alert-rules/alert-rule';
import { getServiceAlertRules, replaceServiceAlertRules } from '@heinrich/usecases/alert-rules/service-alert-rules';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse, parseId } from '../../http/parse';

function rulesJson(serviceId: string, rules: AlertRule[]): AlertRulesJson {
  return {
    serviceId,
    rules: rules.map((r) => ({
      id: r.id,
      name: r.name,
      matchers: r.matchers,
      annotationMatchers: r.annotationMatchers,
      time: r.time,
      actions: r.actions,
      stop: r.stop,
    })),
  };
}

/** GET /api/v1/services/{id}/alert-rules — the ordered rules (docs/alert-rules.md). */
export function getAlertRulesRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const id = parseId(req.params.id, 'Service');
    res.json(rulesJson(id, await getServiceAlertRules(deps.ctx, id)));
  };
}

/** PUT /api/v1/services/{id}/alert-rules — replaces the ordered rules; 200 with them (ids assigned). */
export function putAlertRulesRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const id = parseId(req.params.id, 'Service');
    const body = parse(putAlertRulesBody, req.body ?? {});
    res.json(rulesJson(id, await replaceServiceAlertRules(deps.ctx, principalOf(res), id, body.rules)));
  };
}
