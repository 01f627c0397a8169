import { listQuery } from '@heinrich/contracts/primitives';
import { listEscalationPolicies } from '@heinrich/usecases/escalation-policies/list-escalation-policies';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';
import { escalationPolicyJson } from './escalation-policy-json';

/** GET /api/v1/escalation-policies?limit&cursor — oldest first. */
export function listEscalationPoliciesRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const page = await listEscalationPolicies(deps.ctx, parse(listQuery, req.query, 'Query'));
    res.json({ items: page.items.map(escalationPolicyJson), nextCursor: page.nextCursor });
  };
}
