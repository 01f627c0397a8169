// Writes deploy/kubernetes/components/monitoring/prometheusrule.yaml, the
// prometheus-operator PrometheusRule, from the plain rules file
// deploy/prometheus/heinrich-rules.yml (docs/monitoring.md). Edit the rules file,
// then run `node scripts/generate-prometheus-rule.mjs`; `--stdout` prints instead
// of writing (deploy/prometheus-rules.test.ts checks the two never drift).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RULES = 'deploy/prometheus/heinrich-rules.yml';
const OUT = 'deploy/kubernetes/components/monitoring/prometheusrule.yaml';

const rules = parse(readFileSync(join(root, RULES), 'utf8'));
if (!Array.isArray(rules?.groups) || rules.groups.length === 0) {
  console.error(`generate-prometheus-rule: ${RULES} has no groups`);
  process.exit(1);
}
const object = {
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'PrometheusRule',
  metadata: { name: 'heinrich', labels: { 'app.kubernetes.io/name': 'heinrich' } },
  spec: { groups: rules.groups },
};
const text = `# GENERATED from ${RULES} by scripts/generate-prometheus-rule.mjs: do not edit.\n${stringify(object, { lineWidth: 0 })}`;
if (process.argv.includes('--stdout')) process.stdout.write(text);
else writeFileSync(join(root, OUT), text);
