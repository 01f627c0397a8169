import { AppError } from '@heinrich/core/app-error';
import type { TeamRef } from '@heinrich/core/authz/authorize';
import { parseRoutes, type RouteInput } from '@heinrich/core/routing/routing-spec';
import type { Queryable } from '@heinrich/db/queryable';
import { selectExistingServiceIds } from '@heinrich/db/routing/select-routing-targets';
import { findTeamRef } from '@heinrich/db/teams/find-team-ref';

/** A routing integration as a person writes it (create, or PUT replacing everything). */
export interface RoutingIntegrationInput {
  name: string;
  teamId: string | null;
  routes: readonly RouteInput[];
  /** null: what no route takes is dropped and recorded */
  catchAllServiceId: string | null;
}

export interface ValidRoutingInput {
  team: TeamRef | null;
  /** as stored: each route with exactly one target */
  routes: { matchers: string[]; serviceId?: string; serviceFromLabel?: string }[];
}

function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', `Invalid routing integration: ${path} ${message}`, [{ path, message }]);
}

/**
 * 400 naming the field for what cannot route: an invalid matcher or regex
 * (`routes.N.matchers.M`, RE2's reason), a route with no or two targets, a route
 * or catch-all to a missing service (`routes.N.serviceId`, `catchAllServiceId`),
 * an unknown team. Loops cannot be written: a route's target is a service, and
 * routing runs once per alert (one hop).
 */
export async function validateRoutingInput(q: Queryable, input: RoutingIntegrationInput): Promise<ValidRoutingInput> {
  const parsed = parseRoutes(input.routes);
  if (!parsed.ok) throw invalid(parsed.field, parsed.error);
  const ids = [...new Set([...input.routes.flatMap((r) => (r.serviceId ? [r.serviceId] : [])), ...(input.catchAllServiceId ? [input.catchAllServiceId] : [])])];
  const existing = await selectExistingServiceIds(q, ids);
  for (const [i, r] of input.routes.entries()) {
    if (r.serviceId && !existing.has(r.serviceId)) throw invalid(`routes.${i}.serviceId`, `names no service (${r.serviceId})`);
  }
  if (input.catchAllServiceId && !existing.has(input.catchAllServiceId)) throw invalid('catchAllServiceId', `names no service (${input.catchAllServiceId})`);
  const team = input.teamId ? await findTeamRef(q, input.teamId) : null;
  if (input.teamId && !team) throw invalid('teamId', `names no team (${input.teamId})`);
  return {
    team,
    routes: input.routes.map((r) => ({ matchers: [...r.matchers], ...(r.serviceId ? { serviceId: r.serviceId } : { serviceFromLabel: r.serviceFromLabel! }) })),
  };
}
