import { simulateBody, type SimulationJson } from '@heinrich/contracts/simulate';
import { configuredChannels } from '@heinrich/core/delivery/configured-channels';
import { simulateEscalationPolicy } from '@heinrich/usecases/escalation-policies/simulate-escalation-policy';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse, parseId } from '../../http/parse';

/** POST /api/v1/escalation-policies/{id}/simulate {at, severity?} — who would be notified, how and when (read only). */
export function simulateEscalationPolicyRoute(deps: AppDeps): RequestHandler {
  // the channels the worker has senders for, by the same rule (the api has the same credentials)
  const configured = configuredChannels(deps.config);
  return async (req, res) => {
    const id = parseId(req.params.id, 'Escalation policy');
    const body = parse(simulateBody, req.body);
    const simulation = await simulateEscalationPolicy(deps.ctx, id, { at: new Date(body.at), configured, ...(body.severity !== undefined ? { severity: body.severity } : {}) });
    res.json(simulation satisfies SimulationJson);
  };
}
