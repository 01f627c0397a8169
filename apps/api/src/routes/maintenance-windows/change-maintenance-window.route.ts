import { updateMaintenanceWindowBody } from '@heinrich/contracts/maintenance-windows';
import { deleteMaintenanceWindow, endMaintenanceWindow, updateMaintenanceWindow } from '@heinrich/usecases/maintenance/change-maintenance-window';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse, parseId } from '../../http/parse';
import { maintenanceWindowJson } from './maintenance-window-json';

/** PATCH /api/v1/maintenance-windows/{id} — a new end (extends it; now or past ends it now) and/or reason. */
export function updateMaintenanceWindowRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const id = parseId(req.params.id, 'Maintenance window');
    const patch = parse(updateMaintenanceWindowBody, req.body ?? {});
    const w = await updateMaintenanceWindow(deps.ctx, principalOf(res), id, patch);
    res.json(maintenanceWindowJson(w, deps.ctx.now()));
  };
}

/** POST /api/v1/maintenance-windows/{id}/end — no body; ends it now. */
export function endMaintenanceWindowRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const w = await endMaintenanceWindow(deps.ctx, principalOf(res), parseId(req.params.id, 'Maintenance window'));
    res.json(maintenanceWindowJson(w, deps.ctx.now()));
  };
}

/** DELETE /api/v1/maintenance-windows/{id} — 204; what it still held is released (pages if it still fires). */
export function deleteMaintenanceWindowRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    await deleteMaintenanceWindow(deps.ctx, principalOf(res), parseId(req.params.id, 'Maintenance window'));
    res.status(204).end();
  };
}

