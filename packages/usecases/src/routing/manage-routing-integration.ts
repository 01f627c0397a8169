import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@heinrich/core/alert-group';
import { AppError } from '@heinrich/core/app-error';
import { auditActorOf, type Principal } from '@heinrich/core/authz/principal';
import { insertAuditEntry } from '@heinrich/db/audit/insert-audit-entry';
import { selectRoutingIntegration, type RoutingIntegrationRow } from '@heinrich/db/routing/routing-integration-row';
import { deleteRoutingIntegration as deleteRow, insertRoutingIntegration, updateRoutingIntegration } from '@heinrich/db/routing/write-routing-integration';
import { withTransaction } from '@heinrich/db/with-transaction';
import { requireAllowed } from '../authz/require-allowed';
import type { Context } from '../context';
import { routingIntegrationSnapshot } from './routing-integration-snapshot';
import { validateRoutingInput, type RoutingIntegrationInput } from './validate-routing-input';

/**
 * A new routing integration (admins; for a team-owned one, leads of that team).
 * The secret (`hr_` + 24 random bytes as base64url) is returned here and nowhere
 * else; the database keeps its SHA-256. Audit-logged.
 */
export async function createRoutingIntegration(ctx: Context, principal: Principal, input: RoutingIntegrationInput): Promise<{ integration: RoutingIntegrationRow; secret: string }> {
  const valid = await validateRoutingInput(ctx.db.pool, input);
  requireAllowed(principal, 'routing_integration.manage', { integration: JSON.stringify(input.name), team: valid.team });
  const secret = `hr_${randomBytes(24).toString('base64url')}`;
  const integration = await withTransaction(ctx.db, async (tx) => {
    const id = await insertRoutingIntegration(tx, {
      name: input.name, teamId: input.teamId, routes: valid.routes, catchAllServiceId: input.catchAllServiceId,
      secretHash: sha256Hex(secret), secretPrefix: secret.slice(0, 8),
    });
    const row = (await selectRoutingIntegration(tx, id))!;
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'routing_integration.create', entityType: 'routing_integration', entityId: id, before: null, after: routingIntegrationSnapshot(row),
    });
    return row;
  });
  return { integration, secret };
}

/**
 * Replaces the integration's name, team, ordered routes and catch-all at once
 * (PUT). Allowed to who may manage it as it is and as it will be. Audit-logged
 * with both versions; the next notification routes by the new routes.
 */
export async function replaceRoutingIntegration(ctx: Context, principal: Principal, id: string, input: RoutingIntegrationInput): Promise<RoutingIntegrationRow> {
  const valid = await validateRoutingInput(ctx.db.pool, input);
  return withTransaction(ctx.db, async (tx) => {
    const before = await selectRoutingIntegration(tx, id, { forUpdate: true });
    if (!before) throw AppError.notFound('Routing integration', id);
    requireAllowed(principal, 'routing_integration.manage', { integration: JSON.stringify(before.name), team: before.teamId ? { id: before.teamId, name: before.teamName ?? '' } : null });
    if (input.teamId !== before.teamId) requireAllowed(principal, 'routing_integration.manage', { integration: JSON.stringify(input.name), team: valid.team });
    await updateRoutingIntegration(tx, id, { name: input.name, teamId: input.teamId, routes: valid.routes, catchAllServiceId: input.catchAllServiceId });
    const after = (await selectRoutingIntegration(tx, id))!;
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'routing_integration.update', entityType: 'routing_integration', entityId: id,
      before: routingIntegrationSnapshot(before), after: routingIntegrationSnapshot(after),
    });
    return after;
  });
}

/** Deletes it (its key stops working at once; its unrouted list goes with it). Audit-logged. */
export async function deleteRoutingIntegration(ctx: Context, principal: Principal, id: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const before = await selectRoutingIntegration(tx, id, { forUpdate: true });
    if (!before) throw AppError.notFound('Routing integration', id);
    requireAllowed(principal, 'routing_integration.manage', { integration: JSON.stringify(before.name), team: before.teamId ? { id: before.teamId, name: before.teamName ?? '' } : null });
    await deleteRow(tx, id);
    await insertAuditEntry(tx, auditActorOf(principal), {
      action: 'routing_integration.delete', entityType: 'routing_integration', entityId: id, before: routingIntegrationSnapshot(before), after: null,
    });
  });
}
