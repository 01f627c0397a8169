import { maintenanceWindowListQuery } from '@heinrich/contracts/maintenance-windows';
import { getMaintenanceWindow, listMaintenanceWindows } from '@heinrich/usecases/maintenance/list-maintenance-windows';
import { listWindowIncidents } from '@heinrich/usecases/maintenance/list-window-incidents';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { parse, parseId } from '../../http/parse';
import { heldIncidentJson, maintenanceWindowJson } from './maintenance-window-json';

/** GET /api/v1/maintenance-windows?active=true&serviceId — newest first, one page. */
export function listMaintenanceWindowsRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const q = parse(maintenanceWindowListQuery, req.query, 'Query');
    const rows = await listMaintenanceWindows(deps.ctx, { ...(q.active ? { active: q.active === 'true' } : {}), ...(q.serviceId ? { serviceId: q.serviceId } : {}) });
    const now = deps.ctx.now();
    res.json({ items: rows.map((w) => maintenanceWindowJson(w, now)), nextCursor: null });
  };
}

/** GET /api/v1/maintenance-windows/{id} */
export function getMaintenanceWindowRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const w = await getMaintenanceWindow(deps.ctx, parseId(req.params.id, 'Maintenance window'));
    res.json(maintenanceWindowJson(w, deps.ctx.now()));
  };
}

/** GET /api/v1/maintenance-windows/{id}/incidents — what it held back, and whom each would have paged. */
export function listWindowIncidentsRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const rows = await listWindowIncidents(deps.ctx, parseId(req.params.id, 'Maintenance window'));
    res.json({ items: rows.map(heldIncidentJson), nextCursor: null });
  };
}
