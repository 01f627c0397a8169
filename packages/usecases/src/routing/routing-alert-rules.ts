import type { AlertRule } from '@heinrich/core/alert-rules/alert-rule';
import { readAlertRules, routeTargets } from '@heinrich/core/alert-rules/read-alert-rules';
import { validateAlertRules } from '@heinrich/core/alert-rules/validate-alert-rules';
import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry, type AuditJson } from '@heinrich/db/audit/insert-audit-entry';
import type { Queryable } from '@heinrich/db/queryable';
import { selectRoutingIntegration } from '@heinrich/db/routing/routing-integration-row';
import { selectExistingServiceIds } from '@heinrich/db/routing/select-routing-targets';
import { updateRoutingIntegrationAlertRules } from '@heinrich/db/routing/write-routing-integration';
import { withTransaction } from '@heinrich/db/with-transaction';
import { isDeepStrictEqual } from 'node:util';
import { alertRulesOfInput, type AlertRuleInput } from '../alert-rules/service-alert-rules';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { throwIfInvalid } from '../schedules/invalid-request';

/** A routing integration's alert rules, in evaluation order (every signed-in caller may read them, as the integration). */
export async function getRoutingAlertRules(ctx: Context, id: string): Promise<AlertRule[]> {
  const row = await selectRoutingIntegration(ctx.db.pool, id);
  if (!row) throw AppError.notFound('Routing integration', id);
  return readAlertRules(row.alertRules);
}

/**
 * Rules written for a routing integration (its PUT, a preview's draft),
 * validated as a service's are (400 naming the field under `prefix`): matchers
 * and RE2 regexes, time conditions, a route action to a missing service.
 * Loops cannot be written: a rule routes to a service, where routing is not
 * run again (one hop), and services' route actions are not followed for it.
 */
export async function validRoutingAlertRules(q: Queryable, input: readonly AlertRuleInput[], prefix = 'rules'): Promise<AlertRule[]> {
  const rules = alertRulesOfInput(input);
  const existing = await selectExistingServiceIds(q, [...new Set(routeTargets(rules))]);
  const problems = validateAlertRules(rules, { serviceId: '', serviceExists: (id) => existing.has(id), routesOf: () => [] });
  throwIfInvalid(problems.map((p) => ({ ...p, path: p.path.replace(/^rules/, prefix) })));
  return rules;
}

/**
 * Replaces a routing integration's ordered rules: who may manage the
 * integration (admins; leads of its team), in one transaction with the audit
 * entry `routing_integration.alert_rules_update`. The same rules again write
 * nothing. The next notification runs them (updated_at moves: a new version).
 */
export async function replaceRoutingAlertRules(ctx: Context, principal: Principal, id: string, input: readonly AlertRuleInput[]): Promise<AlertRule[]> {
  return withTransaction(ctx.db, async (tx) => {
    const row = await selectRoutingIntegration(tx, id, { forUpdate: true });
    if (!row) throw AppError.notFound('Routing integration', id);
    requireAllowed(principal, 'routing_integration.manage', { integration: JSON.stringify(row.name), team: row.teamId ? { id: row.teamId, name: row.teamName ?? '' } : null });
    const rules = await validRoutingAlertRules(tx, input);
    const before = readAlertRules(row.alertRules);
    if (isDeepStrictEqual(before, rules)) return before;
    await updateRoutingIntegrationAlertRules(tx, id, rules);
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'routing_integration.alert_rules_update',
      entityType: 'routing_integration',
      entityId: id,
      before: { alertRules: before as unknown as AuditJson[] },
      after: { alertRules: rules as unknown as AuditJson[] },
    });
    return rules;
  });
}
