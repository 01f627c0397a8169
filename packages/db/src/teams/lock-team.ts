import { lockRow } from '../lock-row';
import { prismaOf } from '../queryable';
import type { Tx } from '../with-transaction';
import { TEAM_SUMMARY, type TeamSummary } from './team-summary';

/**
 * Locks the team's row (`SELECT ... FOR UPDATE`) and reads it with its
 * members, so what a change authorizes and records as "before" is what it
 * changes. Null when there is no such team.
 */
export async function lockTeam(tx: Tx, id: string): Promise<TeamSummary | null> {
  if (!(await lockRow(tx, 'teams', id))) return null;
  return prismaOf(tx).team.findUniqueOrThrow({ where: { id }, select: TEAM_SUMMARY });
}
