import { updateEscalationPolicyBody } from '@heinrich/contracts/escalation-policies';
import { updateEscalationPolicy } from '@heinrich/usecases/escalation-policies/update-escalation-policy';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse, parseId } from '../../http/parse';
import { escalationPolicyJson } from './escalation-policy-json';

/** PATCH /api/v1/escalation-policies/{id} — the fields given change; 200 with the policy. */
export function updateEscalationPolicyRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const id = parseId(req.params.id, 'Escalation policy');
    const changes = parse(updateEscalationPolicyBody, req.body ?? {});
    res.json(escalationPolicyJson(await updateEscalationPolicy(deps.ctx, principalOf(res), id, changes)));
  };
}
