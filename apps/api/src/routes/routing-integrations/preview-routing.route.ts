import { routingPreviewBody } from '@heinrich/contracts/routing-integrations';
import { previewRouting } from '@heinrich/usecases/routing/preview-routing';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse } from '../../http/parse';

/** POST /api/v1/routing-integrations/preview — draft routes against a payload (or the last 100 alerts); saves nothing. */
export function previewRoutingRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const body = parse(routingPreviewBody, req.body);
    const items = await previewRouting(deps.ctx, body, body.payload?.alerts);
    res.json({ items });
  };
}
