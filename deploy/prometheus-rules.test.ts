// deploy/prometheus/heinrich-rules.yml (docs/monitoring.md): promtool accepts it and
// its unit tests pass, every alert is tested (firing and not), carries a summary, a
// description, a severity and a runbook_url whose anchor is a heading of
// docs/operations.md, and the generated PrometheusRule is the committed one.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PROMETHEUS = join(root, 'deploy/prometheus');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

const promtool = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
const havePromtool = promtool.status === 0;
if (!havePromtool) {
  process.stderr.write('deploy/prometheus-rules.test.ts: promtool checks skipped, promtool is not installed (Debian: apt-get install prometheus)\n');
}

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface RuleTest {
  name?: string;
  alert_rule_test?: { eval_time: string; alertname: string; exp_alerts?: unknown[] }[];
}

const rules = parse(read('deploy/prometheus/heinrich-rules.yml')) as { groups: { name: string; rules: Rule[] }[] };
const alerts = rules.groups.flatMap((g) => g.rules).filter((r): r is Rule & { alert: string } => r.alert !== undefined);
const unitTests = parse(read('deploy/prometheus/heinrich-rules.test.yml')) as { rule_files: string[]; tests: RuleTest[] };

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
const operationsAnchors = new Set(
  read('docs/operations.md')
    .split('\n')
    .flatMap((line) => {
      const m = /^#{1,6}\s+(.*)$/.exec(line);
      return m ? [slug(m[1]!)] : [];
    }),
);

function run(args: string[]) {
  return spawnSync('promtool', args, { cwd: PROMETHEUS, encoding: 'utf8' });
}

describe('deploy/prometheus/heinrich-rules.yml', () => {
  it.skipIf(!havePromtool)('passes promtool check rules', () => {
    const r = run(['check', 'rules', 'heinrich-rules.yml']);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toContain(`SUCCESS: ${alerts.length} rules found`);
  });

  it.skipIf(!havePromtool)('passes its unit tests (promtool test rules)', () => {
    const r = run(['test', 'rules', 'heinrich-rules.test.yml']);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toContain('SUCCESS');
  });

  it.skipIf(!havePromtool)('fails promtool when an alert does not fire as its test expects (the check is real)', () => {
    const broken = structuredClone(rules);
    for (const rule of broken.groups.flatMap((g) => g.rules)) if (rule.alert === 'HeinrichWorkerDown') rule.expr = 'up{job="heinrich-worker"} == 2';
    const dir = mkdtempSync(join(tmpdir(), 'heinrich-rules-'));
    try {
      writeFileSync(join(dir, 'heinrich-rules.yml'), JSON.stringify(broken));
      writeFileSync(join(dir, 'heinrich-rules.test.yml'), read('deploy/prometheus/heinrich-rules.test.yml'));
      const r = spawnSync('promtool', ['test', 'rules', 'heinrich-rules.test.yml'], { cwd: dir, encoding: 'utf8' });
      expect(r.status).not.toBe(0);
      expect(`${r.stdout}${r.stderr}`).toContain('HeinrichWorkerDown');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has alerts, each with a summary, a description, a severity and a runbook section in docs/operations.md', () => {
    expect(alerts.length).toBeGreaterThanOrEqual(10);
    expect(new Set(alerts.map((a) => a.alert)).size, 'alert names are unique').toBe(alerts.length);
    for (const a of alerts) {
      expect(a.labels?.severity, `${a.alert} severity`).toMatch(/^(critical|warning|info)$/);
      expect(a.annotations?.summary, `${a.alert} summary`).toBeTruthy();
      expect(a.annotations?.description, `${a.alert} description`).toBeTruthy();
      const url = a.annotations?.runbook_url ?? '';
      expect(url, `${a.alert} runbook_url`).toMatch(/^docs\/operations\.md#/);
      const anchor = url.split('#')[1]!;
      expect(anchor, `${a.alert}: the anchor is the alert's name`).toBe(a.alert.toLowerCase());
      expect(operationsAnchors.has(anchor), `docs/operations.md has a heading for #${anchor}`).toBe(true);
    }
  });

  it('selects the documented jobs only: heinrich-api and heinrich-worker', () => {
    for (const a of alerts) {
      const jobs = [...a.expr.matchAll(/job\s*=~?\s*"([^"]*)"/g)].map((m) => m[1]);
      expect(jobs.length, `${a.alert} names its job`).toBeGreaterThan(0);
      for (const job of jobs) expect(['heinrich-api', 'heinrich-worker'], a.alert).toContain(job);
    }
  });

  it('has a promtool test for every alert: once not firing, once firing', () => {
    expect(unitTests.rule_files).toEqual(['heinrich-rules.yml']);
    const cases = unitTests.tests.flatMap((t) => t.alert_rule_test ?? []);
    for (const a of alerts) {
      const mine = cases.filter((c) => c.alertname === a.alert);
      expect(mine.some((c) => (c.exp_alerts ?? []).length === 0), `${a.alert}: a case where it does not fire`).toBe(true);
      expect(mine.some((c) => (c.exp_alerts ?? []).length > 0), `${a.alert}: a case where it fires`).toBe(true);
    }
  });
});

describe('deploy/kubernetes/components/monitoring/prometheusrule.yaml', () => {
  const committed = read('deploy/kubernetes/components/monitoring/prometheusrule.yaml');

  it('is the one scripts/generate-prometheus-rule.mjs generates from the rules file (run it after editing the rules)', () => {
    const generated = execFileSync(process.execPath, [join(root, 'scripts/generate-prometheus-rule.mjs'), '--stdout'], { encoding: 'utf8' });
    expect(committed).toBe(generated);
  });

  it('is a valid PrometheusRule holding exactly the rules file groups', () => {
    const object = parse(committed) as { spec: { groups: unknown } };
    expect(() => new PrometheusRule(object as never).validate()).not.toThrow();
    expect(object.spec.groups).toEqual(rules.groups);
  });

  it('is part of the monitoring component', () => {
    const kustomization = parse(read('deploy/kubernetes/components/monitoring/kustomization.yaml')) as { resources: string[] };
    expect(kustomization.resources).toContain('prometheusrule.yaml');
  });
});
