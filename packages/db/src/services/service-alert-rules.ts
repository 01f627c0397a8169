import { prismaOf, type Queryable } from '../queryable';
import type { Prisma } from '../generated/prisma/client';

/** A service's stored alert rules (services.alert_rules, core readAlertRules reads them), or null when there is no such service. */
export async function selectServiceAlertRules(q: Queryable, serviceId: string): Promise<unknown> {
  const row = await prismaOf(q).service.findUnique({ where: { id: serviceId }, select: { alertRules: true } });
  return row ? row.alertRules : null;
}

/** Every other service's stored rules that name a route target, for the loop check (few services route: only those rows). */
export async function selectRoutingAlertRules(q: Queryable): Promise<{ id: string; alertRules: unknown }[]> {
  return prismaOf(q).$queryRaw<{ id: string; alertRules: unknown }[]>`
    SELECT id, alert_rules AS "alertRules" FROM services WHERE jsonb_path_exists(alert_rules, '$[*].actions.routeToServiceId')`;
}

/** Which of these ids are services. */
export async function selectExistingServiceIds(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await prismaOf(q).service.findMany({ where: { id: { in: [...ids] } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

/** Replaces the service's ordered rules. */
export async function updateServiceAlertRules(q: Queryable, serviceId: string, rules: readonly object[]): Promise<void> {
  await prismaOf(q).service.update({ where: { id: serviceId }, data: { alertRules: rules as unknown as Prisma.InputJsonValue } });
}
