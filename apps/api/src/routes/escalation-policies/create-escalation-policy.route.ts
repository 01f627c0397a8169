import { createEscalationPolicyBody } from '@heinrich/contracts/escalation-policies';
import { createEscalationPolicy } from '@heinrich/usecases/escalation-policies/create-escalation-policy';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse } from '../../http/parse';
import { escalationPolicyJson } from './escalation-policy-json';

/** POST /api/v1/escalation-policies — 201 with the policy. */
export function createEscalationPolicyRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const body = parse(createEscalationPolicyBody, req.body);
    const policy = await createEscalationPolicy(deps.ctx, principalOf(res), body);
    res.status(201).location(`/api/v1/escalation-policies/${policy.id}`).json(escalationPolicyJson(policy));
  };
}
