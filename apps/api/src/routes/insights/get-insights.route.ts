import { insightsQuery, insightsTable, type InsightsJson } from '@heinrich/contracts/insights';
import { insightsCsv } from '@heinrich/core/insights/insights-csv';
import { getInsights } from '@heinrich/usecases/insights/get-insights';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';
import { principalOf } from '../../http/authenticate';
import { parse } from '../../http/parse';

/** GET /api/v1/insights?teamId&serviceId&from&to — the pyramid and the reports (docs/insights.md). */
export function getInsightsRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const query = parse(insightsQuery.strict(), req.query, 'Query');
    const report = await getInsights(deps.ctx, principalOf(res), query);
    const body: InsightsJson = report;
    res.json(body);
  };
}

/** GET /api/v1/insights/{table}.csv?teamId&serviceId&from&to — one table of the report as CSV. */
export function getInsightsCsvRoute(deps: AppDeps): RequestHandler {
  return async (req, res) => {
    const table = parse(insightsTable, req.params.table, 'Path: table');
    const query = parse(insightsQuery.strict(), req.query, 'Query');
    const report = await getInsights(deps.ctx, principalOf(res), query);
    const day = (iso: string) => iso.slice(0, 10);
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="insights-${table}-${day(report.period.from)}-${day(report.period.to)}.csv"`)
      .send(insightsCsv(report, table));
  };
}
