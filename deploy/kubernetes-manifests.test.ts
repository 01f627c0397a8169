// deploy/kubernetes renders with `kubectl kustomize` (Kustomize built into kubectl)
// and every object it makes is valid against the Kubernetes schemas
// (kubernetes-models); the properties the seed learned the hard way hold in every
// overlay: replicas spread over nodes and zones, a PDB each, probes, non-root,
// a read-only root filesystem, and no credential as a literal value.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const KUBERNETES = join(dirname(fileURLToPath(import.meta.url)), 'kubernetes');
const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
const haveKubectl = kubectl.status === 0;
if (!haveKubectl) {
  process.stderr.write('deploy/kubernetes-manifests.test.ts: skipped, kubectl is not installed (it renders the manifests: kubectl kustomize)\n');
}

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  [key: string]: unknown;
}

type Validator = new (data: never) => { validate(): void };
const MODELS: Record<string, Validator> = {
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor,
  'monitoring.coreos.com/v1/PrometheusRule': PrometheusRule,
};

// The example overlay reads its credentials from local files (kept out of git):
// render a copy of the tree with made-up ones, and every component switched on.
const work = mkdtempSync(join(tmpdir(), 'heinrich-k8s-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
cpSync(KUBERNETES, work, { recursive: true });
const FAKE_SECRET_FILES = ['admin-api-key', 'database-url', 'redis-url', 'slack-bot-token', 'slack-signing-secret', 'twilio-account-sid', 'twilio-auth-token'];
for (const name of FAKE_SECRET_FILES) writeFileSync(join(work, 'overlays/example/secrets', name), `made-up-${name}-for-the-test\n`);

/** Every kustomization in the tree: the top, the base, each overlay; components are rendered inside an overlay (below). */
function kustomizations(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry === 'kustomization.yaml' && !dir.includes(`${join(work, 'components')}`)) found.push(dir);
    }
  };
  walk(work);
  return found.map((d) => d.slice(work.length + 1) || '.');
}

function render(dir: string): K8sObject[] {
  const out = execFileSync('kubectl', ['kustomize', join(work, dir)], { encoding: 'utf8' });
  return parseAllDocuments(out).map((d) => d.toJS() as K8sObject);
}

/** The example overlay with every optional component on. */
function renderAllComponents(): K8sObject[] {
  const overlay = join(work, 'overlays/all-components');
  cpSync(join(work, 'overlays/example'), overlay, { recursive: true });
  const file = join(overlay, 'kustomization.yaml');
  const text = execFileSync('sed', ['-E', 's@^( *)# - (\\.\\./\\.\\./components/[a-z]+).*$@\\1- \\2@; s@^( *)# - (slack|twilio)-@\\1- \\2-@', file], { encoding: 'utf8' });
  writeFileSync(file, text);
  return render('overlays/all-components');
}

const workloads = (objects: K8sObject[]) => objects.filter((o) => o.kind === 'Deployment') as unknown as DeploymentLike[];
interface Container {
  name: string;
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  startupProbe?: unknown;
  livenessProbe?: { httpGet?: { path: string } };
  readinessProbe?: { httpGet?: { path: string } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean; capabilities?: { drop?: string[]; add?: string[] } };
  volumeMounts?: { name: string; mountPath: string; subPath?: string }[];
}
interface DeploymentLike extends K8sObject {
  spec: {
    replicas?: number;
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string> };
      spec: {
        topologySpreadConstraints?: { topologyKey: string; maxSkew: number; whenUnsatisfiable: string; labelSelector: { matchLabels: Record<string, string> } }[];
        securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
        terminationGracePeriodSeconds?: number;
        automountServiceAccountToken?: boolean;
        initContainers?: Container[];
        containers: Container[];
        volumes?: { name: string; emptyDir?: unknown; secret?: { secretName: string } }[];
      };
    };
  };
}

const CREDENTIAL = /(TOKEN|SECRET|PASSWORD|API_KEY|ACCOUNT_SID|DATABASE_URL|REDIS_URL)$/;

describe.skipIf(!haveKubectl)('deploy/kubernetes', () => {
  const dirs = haveKubectl ? kustomizations() : [];
  const rendered = new Map<string, K8sObject[]>(dirs.map((d) => [d, render(d)]));
  if (haveKubectl) rendered.set('overlays/example + every component', renderAllComponents());

  it('validates for real: a malformed Deployment is refused', () => {
    const [api] = workloads(rendered.get('.')!);
    const broken = structuredClone(api!) as unknown as { spec: { replicas: unknown; template: { spec: { containers: { ports: unknown }[] } } } };
    broken.spec.replicas = 'two';
    expect(() => new Deployment(broken as never).validate()).toThrow();
  });

  it('has the base at deploy/kubernetes and at least one overlay', () => {
    expect(dirs).toContain('.');
    expect(dirs).toContain('overlays/example');
  });

  it('renders the base on a clean checkout, with no local files and no CRDs', () => {
    const out = execFileSync('kubectl', ['kustomize', KUBERNETES], { encoding: 'utf8' });
    const kinds = parseAllDocuments(out).map((d) => (d.toJS() as K8sObject).apiVersion);
    expect(kinds.filter((v) => !/^(v1|apps\/v1|policy\/v1|networking\.k8s\.io\/v1)$/.test(v))).toEqual([]);
  });

  for (const [name, objects] of rendered) {
    describe(name, () => {
      it('is valid against the Kubernetes schemas', () => {
        for (const object of objects) {
          const key = `${object.apiVersion}/${object.kind}`;
          const Model = MODELS[key];
          expect(Model, `a validator for ${key}`).toBeDefined();
          expect(() => new Model!(object as never).validate(), `${key} ${object.metadata.name}`).not.toThrow();
        }
      });

      it('runs api and worker as two spread replicas, each with a PDB', () => {
        const deployments = workloads(objects);
        expect(deployments.map((d) => d.metadata.name).sort()).toEqual(['heinrich-api', 'heinrich-worker']);
        const autoscaled = new Set(objects.filter((o) => o.kind === 'HorizontalPodAutoscaler').map((o) => (o.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name));
        for (const d of deployments) {
          if (autoscaled.has(d.metadata.name)) expect(d.spec.replicas, `${d.metadata.name}: the HPA owns replicas`).toBeUndefined();
          else expect(d.spec.replicas).toBe(2);
          const spread = d.spec.template.spec.topologySpreadConstraints ?? [];
          for (const key of ['kubernetes.io/hostname', 'topology.kubernetes.io/zone']) {
            const c = spread.find((s) => s.topologyKey === key);
            expect(c, `${d.metadata.name} spreads over ${key}`).toMatchObject({ maxSkew: 1, whenUnsatisfiable: 'ScheduleAnyway' });
            expect(d.spec.template.metadata.labels).toMatchObject(c!.labelSelector.matchLabels);
          }
          const pdb = objects.find(
            (o) => o.kind === 'PodDisruptionBudget' && Object.entries((o.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels).every(([k, v]) => d.spec.template.metadata.labels[k] === v),
          );
          expect(pdb, `a PodDisruptionBudget selecting ${d.metadata.name}`).toBeDefined();
        }
      });

      it('probes, sizes and locks down every container', () => {
        for (const d of workloads(objects)) {
          const pod = d.spec.template.spec;
          const [first] = pod.containers;
          expect(first!.startupProbe, `${d.metadata.name} startupProbe`).toBeDefined();
          expect(first!.livenessProbe?.httpGet?.path).toBe('/healthz');
          expect(first!.readinessProbe?.httpGet?.path).toBe('/readyz');
          expect(pod.securityContext?.runAsNonRoot).toBe(true);
          expect(typeof pod.securityContext?.runAsUser).toBe('number');
          expect(pod.automountServiceAccountToken).toBe(false);
          const tmp = pod.volumes?.find((v) => v.emptyDir !== undefined);
          for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
            expect(c.resources?.requests?.cpu && c.resources.requests.memory, `${c.name} requests`).toBeTruthy();
            expect(c.resources?.limits?.memory, `${c.name} memory limit`).toBeTruthy();
            expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
            expect(c.securityContext?.capabilities?.add ?? []).toEqual([]);
            expect(c.volumeMounts?.find((m) => m.mountPath === '/tmp')?.name, `${c.name} has an emptyDir at /tmp`).toBe(tmp?.name);
            // a subPath mount of a Secret never updates: rotation would need a restart
            expect(c.volumeMounts?.filter((m) => m.subPath !== undefined) ?? []).toEqual([]);
          }
        }
      });

      it('gives SIGTERM the time SHUTDOWN_TIMEOUT_MS promises', () => {
        const config = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'heinrich-config') as { data: Record<string, string> } | undefined;
        const shutdownMs = Number(config?.data.SHUTDOWN_TIMEOUT_MS ?? 25_000);
        for (const d of workloads(objects)) {
          const grace = d.spec.template.spec.terminationGracePeriodSeconds ?? 30;
          expect(grace * 1000, d.metadata.name).toBeGreaterThan(shutdownMs);
          expect(grace * 1000, d.metadata.name).toBeLessThanOrEqual(shutdownMs + 10_000);
        }
      });

      it('runs migrations as an init container of the api', () => {
        const api = workloads(objects).find((d) => d.metadata.name === 'heinrich-api')!;
        expect(api.spec.template.spec.initContainers?.map((c) => c.name)).toEqual(['migrate']);
      });

      it('holds no credential as a literal value: only *_FILE paths into a mounted Secret', () => {
        for (const object of objects) {
          if (object.kind === 'ConfigMap') {
            const keys = Object.keys((object as { data?: Record<string, string> }).data ?? {});
            expect(keys.filter((k) => CREDENTIAL.test(k)), `ConfigMap ${object.metadata.name}`).toEqual([]);
          }
        }
        for (const d of workloads(objects)) {
          const pod = d.spec.template.spec;
          const secretVolumes = new Set((pod.volumes ?? []).filter((v) => v.secret).map((v) => v.name));
          for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
            const secretPaths = (c.volumeMounts ?? []).filter((m) => secretVolumes.has(m.name)).map((m) => m.mountPath);
            for (const e of c.env ?? []) {
              expect(CREDENTIAL.test(e.name), `${c.name}: ${e.name} is a credential given as a value; use ${e.name}_FILE`).toBe(false);
              if (e.name.endsWith('_FILE')) expect(secretPaths.some((p) => e.value?.startsWith(`${p}/`)), `${c.name}: ${e.name} points into a mounted Secret`).toBe(true);
            }
          }
        }
      });
    });
  }

  it('keeps the example Secret name stable, so a rotation updates files in place instead of rolling the pods', () => {
    const secrets = rendered.get('overlays/example')!.filter((o) => o.kind === 'Secret');
    expect(secrets.map((s) => s.metadata.name)).toEqual(['heinrich-credentials']);
  });
});
