import { deleteEscalationPolicy } from '@heinrich/usecases/escalation-policies/delete-escalation-policy';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parseId } from '../../http/parse';

/** DELETE /api/v1/escalation-policies/{id} — 204; 409 while services use it. */
export function deleteEscalationPolicyRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const id = parseId(req.params.id, 'Escalation policy');
    await deleteEscalationPolicy(deps.ctx, principalOf(res), id);
    res.status(204).end();
  };
}
