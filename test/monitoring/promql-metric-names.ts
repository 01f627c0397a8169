// The metric names a PromQL expression reads, for checking the shipped rules and
// dashboard against what the processes export (docs/monitoring.md). A small
// tokenizer, not a parser: it drops strings, label matchers, ranges, grouping
// clauses and Grafana's $variables, then keeps the identifiers that are neither
// functions (followed by "(") nor keywords. Good for the expressions we write;
// promtool checks their syntax.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan']);

export function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\$\{?\w+\}?/g, ' ');
  const names = new Set<string>();
  for (const m of stripped.matchAll(/(?<![\w.])([a-zA-Z_:][\w:]*)(\s*\()?/g)) {
    const [, name, call] = m;
    if (call || KEYWORDS.has(name!.toLowerCase())) continue;
    names.add(name!);
  }
  return [...names].sort();
}

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every alert and recording rule expression of deploy/prometheus/heinrich-rules.yml, by rule name. */
export function ruleExpressions(): { name: string; expr: string }[] {
  const rules = parse(readFileSync(join(root, 'deploy/prometheus/heinrich-rules.yml'), 'utf8')) as {
    groups: { rules: { alert?: string; record?: string; expr: string }[] }[];
  };
  return rules.groups.flatMap((g) => g.rules).map((r) => ({ name: (r.alert ?? r.record)!, expr: r.expr }));
}

export interface DashboardPanel {
  id: number;
  type: string;
  title: string;
  gridPos: { h: number; w: number; x: number; y: number };
  datasource?: unknown;
  targets?: { refId: string; expr?: string; datasource?: unknown }[];
  panels?: DashboardPanel[];
}

export function readDashboard(): { panels: DashboardPanel[]; [key: string]: unknown } {
  return JSON.parse(readFileSync(join(root, 'deploy/grafana/heinrich.json'), 'utf8')) as { panels: DashboardPanel[] };
}

/** Every panel, rows' collapsed panels included. */
export function allPanels(panels: DashboardPanel[]): DashboardPanel[] {
  return panels.flatMap((p) => [p, ...allPanels(p.panels ?? [])]);
}

/** Every query expression of deploy/grafana/heinrich.json, by panel title. */
export function dashboardExpressions(): { name: string; expr: string }[] {
  return allPanels(readDashboard().panels).flatMap((p) => (p.targets ?? []).map((t) => ({ name: `${p.title} ${t.refId}`, expr: t.expr ?? '' })));
}
