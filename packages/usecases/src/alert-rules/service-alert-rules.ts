import type { AlertRule } from '@heinrich/core/alert-rules/alert-rule';
import { readAlertRules, routeTargets } from '@heinrich/core/alert-rules/read-alert-rules';
import { validateAlertRules } from '@heinrich/core/alert-rules/validate-alert-rules';
import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry, type AuditJson } from '@heinrich/db/audit/insert-audit-entry';
import { lockRow } from '@heinrich/db/lock-row';
import {
  selectExistingServiceIds,
  selectRoutingAlertRules,
  selectServiceAlertRules,
  updateServiceAlertRules,
} from '@heinrich/db/services/service-alert-rules';
import { withTransaction } from '@heinrich/db/with-transaction';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { requireAllowed } from '../authz/require-allowed';
import { throwIfInvalid } from '../schedules/invalid-request';
import type { Context } from '../context';
import { findServiceOwner } from '../services/find-service-owner';

/** A rule as written: optional parts may be missing. */
export type AlertRuleInput = Omit<AlertRule, 'id' | 'matchers' | 'annotationMatchers' | 'time' | 'stop'> & {
  id?: string | undefined;
  matchers?: string[] | undefined;
  annotationMatchers?: string[] | undefined;
  time?: AlertRule['time'] | undefined;
  stop?: boolean | undefined;
};

/** Rules as written, as stored: defaults filled in, an id for each rule without one (services' and routing integrations' alike). */
export function alertRulesOfInput(input: readonly AlertRuleInput[]): AlertRule[] {
  return input.map((r) => ({
    id: r.id?.toLowerCase() ?? randomUUID(),
    name: r.name,
    matchers: r.matchers ?? [],
    annotationMatchers: r.annotationMatchers ?? [],
    time: r.time ? { ...r.time, outside: r.time.outside === true } : null,
    actions: Object.fromEntries(Object.entries(r.actions).filter(([, v]) => v !== undefined)),
    stop: r.stop === true,
  }));
}

/** A service's alert rules, in evaluation order (everyone signed in may read them, as the service). */
export async function getServiceAlertRules(ctx: Context, serviceId: string): Promise<AlertRule[]> {
  const stored = await selectServiceAlertRules(ctx.db.pool, serviceId);
  if (stored === null) throw AppError.notFound('Service', serviceId);
  return readAlertRules(stored);
}

/**
 * Replaces a service's ordered rules: leads of its team and admins (as for
 * changing the service), validated by core (400 naming the field), in one
 * transaction with its audit entry (`service.alert_rules_update`). Rules
 * without an id get one. The same rules again write nothing.
 */
export async function replaceServiceAlertRules(ctx: Context, principal: Principal, serviceId: string, input: AlertRuleInput[]): Promise<AlertRule[]> {
  const rules = alertRulesOfInput(input);
  return withTransaction(ctx.db, async (tx) => {
    if (!(await lockRow(tx, 'services', serviceId))) throw AppError.notFound('Service', serviceId);
    const owner = await findServiceOwner(tx, serviceId);
    requireAllowed(principal, 'service.update', { service: owner.name, team: owner.team });
    const before = readAlertRules(await selectServiceAlertRules(tx, serviceId));
    const targets = [...new Set(routeTargets(rules))];
    const existing = await selectExistingServiceIds(tx, targets);
    const routing = new Map((await selectRoutingAlertRules(tx)).map((r) => [r.id, routeTargets(readAlertRules(r.alertRules))]));
    const problems = validateAlertRules(rules, {
      serviceId,
      serviceExists: (id) => existing.has(id),
      routesOf: (id) => (id === serviceId ? targets : (routing.get(id) ?? [])),
    });
    throwIfInvalid(problems);
    if (isDeepStrictEqual(before, rules)) return before;
    await updateServiceAlertRules(tx, serviceId, rules);
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'service.alert_rules_update',
      entityType: 'service',
      entityId: serviceId,
      before: { alertRules: before as unknown as AuditJson[] },
      after: { alertRules: rules as unknown as AuditJson[] },
    });
    return rules;
  });
}
