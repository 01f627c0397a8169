import type { HeldIncidentRow } from '@heinrich/db/maintenance/maintenance-hold';
import { listWindowIncidents as selectWindowIncidents } from '@heinrich/db/maintenance/maintenance-hold';
import type { Context } from '../context';
import { simulateEscalationPolicy } from '../escalation-policies/simulate-escalation-policy';
import { getMaintenanceWindow } from './list-maintenance-windows';

export interface WindowIncident extends HeldIncidentRow {
  /** whom the service's policy pages first at the incident's opening (the simulator's first pages); [] without a policy */
  wouldHavePaged: { userId: string; name: string }[];
}

/**
 * What a window held back (its page in the UI): the incidents opened under
 * it, newest first (at most 50), each with whom it would have paged had
 * there been no window: the policy simulator (the engine's own decision
 * function) run at the incident's opening with its severity, first pages only.
 */
export async function listWindowIncidents(ctx: Context, windowId: string): Promise<WindowIncident[]> {
  await getMaintenanceWindow(ctx, windowId);
  const rows = await selectWindowIncidents(ctx.db.pool, windowId, 50);
  const out: WindowIncident[] = [];
  for (const row of rows) {
    let wouldHavePaged: WindowIncident['wouldHavePaged'] = [];
    if (row.policyId) {
      try {
        const sim = await simulateEscalationPolicy(ctx, row.policyId, { at: row.createdAt, ...(row.severity ? { severity: row.severity } : {}), configured: new Set() });
        const first = sim.pages[0]?.at;
        const seen = new Set<string>();
        for (const p of sim.pages.filter((page) => page.at === first)) {
          if (seen.has(p.userId)) continue;
          seen.add(p.userId);
          wouldHavePaged.push({ userId: p.userId, name: p.name });
        }
      } catch (err) {
        // a policy deleted since: nobody to name
        ctx.logger.debug({ err: (err as Error).message, incidentId: row.id }, 'maintenance: policy simulation failed');
        wouldHavePaged = [];
      }
    }
    out.push({ ...row, wouldHavePaged });
  }
  return out;
}
