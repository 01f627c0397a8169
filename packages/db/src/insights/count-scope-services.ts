import type { InsightsServiceFilter } from '@heinrich/core/insights/insights-scope';
import type pg from 'pg';
import { INSIGHTS_SERVICES_WHERE, insightsParams } from './insights-scope-sql';

/** How many services a report covers. */
export async function countScopeServices(pool: pg.Pool | pg.PoolClient, filter: InsightsServiceFilter): Promise<number> {
  const params = insightsParams(new Date(0), new Date(0), filter);
  const r = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM services s WHERE $1::timestamptz IS NOT NULL AND $2::timestamptz IS NOT NULL AND ${INSIGHTS_SERVICES_WHERE}`,
    params,
  );
  return r.rows[0]!.n;
}
