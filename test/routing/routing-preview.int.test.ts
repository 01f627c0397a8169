// The preview of draft routes (docs/routing.md "Preview") against the captured
// Alertmanager 0.25 fixtures gives the same outcome as sending them: for every
// alert, the same service (or the same drop), and the route that took it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { alertmanagerFixture } from '../support/fixtures';

const FIXTURES = [
  '01-firing-initial-6-pods.json',
  '02-firing-repeat-after-repeat-interval.json',
  '03-firing-group-grew-to-8-alerts.json',
  '04-firing-partially-resolved-3-of-8.json',
  '05-resolved-all.json',
  '06-truncated-max-alerts-3-of-6.json',
  '11-prometheus-firing-6-pods.json',
  '12-prometheus-resolved-6-pods.json',
];

let api: TestApi;
let low: string;
let collector: string;
let policyOwner: { id: string; name: string };
let draft: { routes: unknown[]; catchAllServiceId: string | null };

beforeAll(async () => {
  api = await startTestApi();
  const teamId = (await api.admin('POST', '/api/v1/teams', { name: 'Pods' })).body.id;
  const user = await api.createUser({ name: 'Olga On-Call', teams: { [teamId]: 'responder' } });
  policyOwner = { id: user.id, name: 'Olga On-Call' };
  const policy = await api.admin('POST', '/api/v1/escalation-policies', { name: 'olga', teamId, repeat: 0, steps: [{ delayMinutes: 5, targets: [{ type: 'user', id: user.id }] }] });
  expect(policy.status).toBe(201);
  low = (await api.admin('POST', '/api/v1/services', { name: 'low pods', escalationPolicyId: policy.body.id })).body.id;
  collector = (await api.admin('POST', '/api/v1/services', { name: 'collector', routingName: 'collector' })).body.id;
  draft = {
    routes: [
      { matchers: ['pod=~"collector-[1-3]"'], serviceId: low },
      // the Prometheus-sent ones: job=kube-pods names no service → reported, and dropped (no catch-all)
      { matchers: ['prometheus="harness/prometheus"'], serviceFromLabel: 'job' },
      { matchers: ['pod=~"collector-[4-6]"'], serviceFromLabel: 'namespace' },
    ],
    // collector-7 and -8 match nothing: dropped and recorded
    catchAllServiceId: null,
  };
});
afterAll(async () => {
  await api?.close();
});

interface PreviewItem {
  fingerprint: string;
  outcome: string;
  routeIndex: number | null;
  serviceId: string | null;
  reason: string | null;
  wouldPage: { userId: string; name: string }[];
}

describe('preview', () => {
  it('per alert: the route, the service, the reason, whom it would page', async () => {
    const res = await api.admin('POST', '/api/v1/routing-integrations/preview', { ...draft, payload: alertmanagerFixture('03-firing-group-grew-to-8-alerts.json') });
    expect(res.status).toBe(200);
    const byPod = Object.fromEntries(
      (res.body.items as (PreviewItem & { labels: Record<string, string> })[]).map((i) => [i.labels.pod, [i.outcome, i.routeIndex, i.serviceId, i.wouldPage.map((p) => p.name)]]),
    );
    expect(byPod).toEqual({
      'collector-1': ['routed', 0, low, [policyOwner.name]],
      'collector-2': ['routed', 0, low, [policyOwner.name]],
      'collector-3': ['routed', 0, low, [policyOwner.name]],
      'collector-4': ['routed', 2, collector, []],
      'collector-5': ['routed', 2, collector, []],
      'collector-6': ['routed', 2, collector, []],
      'collector-7': ['dropped', null, null, []],
      'collector-8': ['dropped', null, null, []],
    });
  });

  it('a bad draft is the same 400 as saving it', async () => {
    const res = await api.admin('POST', '/api/v1/routing-integrations/preview', { routes: [{ matchers: ['pod=~"("'], serviceId: low }], catchAllServiceId: null });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('routes.0.matchers.0');
  });

  it('the captured fixtures: the preview says what sending them does', async () => {
    const created = await api.admin('POST', '/api/v1/routing-integrations', { name: 'fixtures', ...draft });
    expect(created.status).toBe(201);
    for (const file of FIXTURES) {
      const payload = alertmanagerFixture(file);
      const preview = await api.admin('POST', '/api/v1/routing-integrations/preview', { ...draft, payload });
      expect(preview.status, file).toBe(200);
      const before = (await api.admin('GET', `/api/v1/routing-integrations/${created.body.id}/unrouted?limit=1000`)).body.items.length as number;
      const sent = await api.post('/api/v1/integrations/alertmanager', payload, created.body.key);
      expect(sent.status, file).toBe(200);
      const all = (await api.admin('GET', `/api/v1/routing-integrations/${created.body.id}/unrouted?limit=1000`)).body.items as { fingerprint: string; outcome: string; reason: string }[];
      // newest first: what this notification added
      const unrouted = all.slice(0, all.length - before);
      for (const item of preview.body.items as PreviewItem[]) {
        if (item.outcome === 'dropped') {
          expect(unrouted.find((u) => u.fingerprint === item.fingerprint), `${file} ${item.fingerprint}`).toMatchObject({ outcome: 'dropped', reason: item.reason });
          const stored = await api.db.pool.query(`SELECT 1 FROM alerts WHERE fingerprint = $1`, [item.fingerprint]);
          expect(stored.rowCount, `${file} ${item.fingerprint} stored nowhere`).toBe(0);
        } else {
          const a = payload.alerts.find((x: { fingerprint: string }) => x.fingerprint === item.fingerprint);
          const stored = await api.db.pool.query<{ service_id: string }>(`SELECT DISTINCT service_id FROM alerts WHERE fingerprint = $1`, [item.fingerprint]);
          // a resolve never seen firing is ignored by any service; everything else is stored where the preview said
          if (a.status === 'firing') expect(stored.rows.map((r) => r.service_id), `${file} ${item.fingerprint}`).toEqual([item.serviceId]);
          else expect(stored.rows.map((r) => r.service_id).filter((s) => s !== item.serviceId), `${file} ${item.fingerprint}`).toEqual([]);
        }
      }
    }
  });
});
