import { probeWebhookBody, type ProbeReceiptJson } from '@heinrich/contracts/probe';
import { AppError } from '@heinrich/core/app-error';
import { receiveProbeWebhook } from '@heinrich/usecases/probe/receive-probe-webhook';
import express, { type RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';

/**
 * POST /api/v1/probe/deliveries — the synthetic probe's page coming back
 * (docs/monitoring.md "Synthetic probe"). The body is read raw: the
 * X-Heinrich-Signature is over the bytes sent, checked (401) before the JSON
 * is parsed (400 naming the field).
 */
export function receiveProbeWebhookRoute(deps: AppDeps): RequestHandler[] {
  return [
    express.raw({ type: () => true, limit: deps.config.maxBodyBytes }),
    async (req, res) => {
      const rawBody = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
      let json: unknown;
      const signature = req.get('x-heinrich-signature');
      const result = await receiveProbeWebhook(deps.ctx, {
        signature,
        rawBody,
        incidentId: () => {
          try {
            json = JSON.parse(rawBody);
          } catch {
            throw new AppError('validation_failed', 'Request body is invalid: (root) must be JSON');
          }
          return parse(probeWebhookBody, json).incident.id;
        },
      });
      res.json(result satisfies ProbeReceiptJson);
    },
  ];
}
