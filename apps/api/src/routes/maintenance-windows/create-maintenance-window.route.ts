import { createMaintenanceWindowBody } from '@heinrich/contracts/maintenance-windows';
import { createMaintenanceWindow } from '@heinrich/usecases/maintenance/create-maintenance-window';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse } from '../../http/parse';
import { maintenanceWindowJson } from './maintenance-window-json';

/** POST /api/v1/maintenance-windows — 201 with the window. */
export function createMaintenanceWindowRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const body = parse(createMaintenanceWindowBody, req.body);
    const w = await createMaintenanceWindow(deps.ctx, principalOf(res), body);
    res.status(201).json(maintenanceWindowJson(w, deps.ctx.now()));
  };
}
