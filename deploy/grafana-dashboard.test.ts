// deploy/grafana/heinrich.json is a Grafana dashboard model Grafana loads
// (docs/monitoring.md): the fields Grafana requires, schemaVersion 39+, a
// `${datasource}` Prometheus variable and no hard-coded data source, unique panel
// ids, a grid that fits and does not overlap, every query a PromQL expression
// promtool accepts, and the panels issue 20 asks for. There is no maintained npm
// validator for dashboard JSON (Grafana's own schema is Go/CUE, AGPL): this is a
// structural check of the model's documented fields.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { allPanels, dashboardExpressions, metricNames, readDashboard, type DashboardPanel } from '../test/monitoring/promql-metric-names';

const dashboard = readDashboard() as ReturnType<typeof readDashboard> & {
  title: unknown;
  uid: unknown;
  schemaVersion: unknown;
  version: unknown;
  time: { from: unknown; to: unknown };
  templating: { list: { name: string; type: string; query?: unknown }[] };
  annotations: { list: { datasource?: { type?: string; uid?: string } }[] };
};
const panels = allPanels(dashboard.panels);
const queryPanels = panels.filter((p) => p.type !== 'row');
const PANEL_TYPES = new Set(['row', 'timeseries', 'stat', 'gauge', 'bargauge', 'table', 'heatmap', 'text', 'piechart', 'state-timeline']);
const PROMETHEUS = { type: 'prometheus', uid: '${datasource}' };

const promtool = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
const havePromtool = promtool.status === 0;
if (!havePromtool) process.stderr.write('deploy/grafana-dashboard.test.ts: the PromQL syntax check is skipped, promtool is not installed\n');

/** Every `datasource` value anywhere in the model. */
function datasources(value: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) datasources(v, found);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'datasource') found.push(v);
      else datasources(v, found);
    }
  }
  return found;
}

const overlaps = (a: DashboardPanel['gridPos'], b: DashboardPanel['gridPos']) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('deploy/grafana/heinrich.json', () => {
  it('has the fields of a dashboard model, schemaVersion 39 or later', () => {
    expect(dashboard.title).toBe('Heinrich');
    expect(dashboard.uid).toMatch(/^[\w-]{1,40}$/);
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(39);
    expect(Number.isInteger(dashboard.version)).toBe(true);
    expect(typeof dashboard.time.from).toBe('string');
    expect(typeof dashboard.time.to).toBe('string');
    expect(Array.isArray(dashboard.panels)).toBe(true);
    expect(Array.isArray(dashboard.templating.list)).toBe(true);
    expect(Array.isArray(dashboard.annotations.list)).toBe(true);
    // a dashboard exported "for sharing externally" has an `id`: a provisioned or imported one must not
    expect(dashboard).not.toHaveProperty('id');
  });

  it('picks its Prometheus with a ${datasource} variable, and names no data source uid', () => {
    const variable = dashboard.templating.list.find((v) => v.name === 'datasource');
    expect(variable).toMatchObject({ type: 'datasource', query: 'prometheus' });
    for (const ds of datasources(dashboard.panels)) expect(ds).toEqual(PROMETHEUS);
    for (const a of dashboard.annotations.list) expect(a.datasource).toEqual({ type: 'grafana', uid: '-- Grafana --' });
  });

  it('has unique panel ids and a grid that fits 24 columns without overlaps', () => {
    const ids = panels.map((p) => p.id);
    for (const id of ids) expect(Number.isInteger(id) && id > 0, `panel id ${id}`).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of panels) {
      const { h, w, x, y } = p.gridPos;
      expect([h, w, x, y].every((n) => Number.isInteger(n) && n >= 0), `${p.title} gridPos`).toBe(true);
      expect(h > 0 && w > 0 && x + w <= 24, `${p.title} fits the 24-column grid`).toBe(true);
    }
    for (const [i, a] of panels.entries()) {
      for (const b of panels.slice(i + 1)) expect(overlaps(a.gridPos, b.gridPos), `${a.title} overlaps ${b.title}`).toBe(false);
    }
  });

  it('has panels of known types, each query with a refId and an expression', () => {
    expect(queryPanels.length).toBeGreaterThan(10);
    for (const p of panels) {
      expect(PANEL_TYPES.has(p.type), `${p.title}: panel type ${p.type}`).toBe(true);
      expect(p.title, `panel ${p.id} has a title`).toBeTruthy();
    }
    for (const p of queryPanels) {
      expect(p.targets?.length, `${p.title} has queries`).toBeGreaterThan(0);
      const refIds = p.targets!.map((t) => t.refId);
      expect(new Set(refIds).size, `${p.title}: unique refIds`).toBe(refIds.length);
      for (const t of p.targets!) {
        expect(t.expr?.trim(), `${p.title} ${t.refId} expr`).toBeTruthy();
        expect(metricNames(t.expr!).length, `${p.title} ${t.refId} reads a metric`).toBeGreaterThan(0);
      }
    }
  });

  it('shows what issue 20 asks for', () => {
    const shown = (pattern: RegExp) => queryPanels.filter((p) => pattern.test(p.title)).flatMap((p) => p.targets!.map((t) => t.expr!));
    const reads = (pattern: RegExp, metric: string) => expect(shown(pattern).some((e) => metricNames(e).includes(metric)), `${pattern} shows ${metric}`).toBe(true);
    reads(/^Alerts received$/, 'heinrich_alerts_received_total');
    reads(/^Ingest latency$/, 'heinrich_http_request_duration_seconds_bucket');
    reads(/^Incidents opened$/, 'heinrich_incidents_opened_total');
    reads(/^Pages by channel and outcome$/, 'heinrich_deliveries_total');
    reads(/^Delivery latency$/, 'heinrich_delivery_latency_seconds_bucket');
    reads(/^Outbox lag$/, 'heinrich_outbox_lag_seconds_bucket');
    reads(/^Queue depths$/, 'heinrich_outbox_backlog');
    reads(/^Queue depths$/, 'heinrich_delivery_backlog');
    reads(/^Storms$/, 'heinrich_storms_started_total');
    reads(/^Flap suppressions$/, 'heinrich_flap_suppressions_total');
  });

  it.skipIf(!havePromtool)('has only queries promtool parses as PromQL (Grafana variables set to a range)', () => {
    const expressions = dashboardExpressions();
    const rules = {
      groups: [{ name: 'dashboard', rules: expressions.map((e, i) => ({ record: `dashboard:query:${i}`, expr: e.expr.replaceAll('$__rate_interval', '5m').replaceAll('$__range', '1d') })) }],
    };
    const dir = mkdtempSync(join(tmpdir(), 'heinrich-dashboard-'));
    try {
      writeFileSync(join(dir, 'queries.yml'), stringify(rules));
      const r = spawnSync('promtool', ['check', 'rules', 'queries.yml'], { cwd: dir, encoding: 'utf8' });
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
