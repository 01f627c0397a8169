import { getEscalationPolicy } from '@heinrich/usecases/escalation-policies/get-escalation-policy';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parseId } from '../../http/parse';
import { escalationPolicyJson } from './escalation-policy-json';

/** GET /api/v1/escalation-policies/{id} */
export function getEscalationPolicyRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const id = parseId(req.params.id, 'Escalation policy');
    res.json(escalationPolicyJson(await getEscalationPolicy(deps.ctx, id)));
  };
}
