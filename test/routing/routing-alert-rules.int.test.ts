// Routing is one hop, then the target service's own alert rules run
// (docs/routing.md, docs/alert-rules.md): an alert routed by a routing key is
// shaped by the rules of the service it lands in, on the Alertmanager and the
// Events endpoints alike, and the preview says what those rules would do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';

const AM = '/api/v1/integrations/alertmanager';
const EVENTS = '/api/v1/integrations/events';

let api: TestApi;
let batch: string;
let web: string;
let key: string;
const routes = () => [
  { matchers: ['namespace=~"batch-.*"'], serviceId: batch },
  { matchers: ['team!=""'], serviceFromLabel: 'team' },
  { matchers: ['group!=""'], serviceFromLabel: 'group' },
];

beforeAll(async () => {
  api = await startTestApi();
  batch = (await api.admin('POST', '/api/v1/services', { name: 'Batch' })).body.id;
  web = (await api.admin('POST', '/api/v1/services', { name: 'Web', routingName: 'web' })).body.id;
  expect((await api.admin('PUT', `/api/v1/services/${batch}/alert-rules`, { rules: [{ name: 'batch is noise', matchers: ['severity="warning"'], actions: { suppress: true } }] })).status).toBe(200);
  expect((await api.admin('PUT', `/api/v1/services/${web}/alert-rules`, { rules: [{ name: 'web warnings are low', matchers: ['severity="warning"'], actions: { urgency: 'low' } }] })).status).toBe(200);
  const created = await api.admin('POST', '/api/v1/routing-integrations', { name: 'one receiver', routes: routes(), catchAllServiceId: null });
  expect(created.status).toBe(201);
  key = created.body.key;
});
afterAll(async () => {
  await api?.close();
});

const alert = (fingerprint: string, labels: Record<string, string>) => ({
  status: 'firing', labels: { alertname: 'JobFailed', ...labels }, annotations: {}, startsAt: '2026-12-07T10:00:00Z', fingerprint,
});

describe('a routed alert meets the target service\'s alert rules', () => {
  it('Alertmanager: the batch service suppresses its warnings, a critical one still opens a paging incident', async () => {
    const res = await api.post(AM, { version: '4', groupKey: '{}:{}', status: 'firing', receiver: 'heinrich', groupLabels: {}, alerts: [alert('b-warn', { namespace: 'batch-1', severity: 'warning' }), alert('b-crit', { namespace: 'batch-2', severity: 'critical' })] }, key);
    expect(res.status).toBe(200);
    const suppressed = await api.admin('GET', `/api/v1/incidents?serviceId=${batch}&suppressed=true`);
    expect(suppressed.body.items.map((i: { suppressedBy: { name: string } }) => i.suppressedBy.name)).toEqual(['batch is noise']);
    const rows = await api.db.pool.query<{ fingerprint: string; alert_rules: unknown }>(`SELECT fingerprint, alert_rules FROM alerts WHERE fingerprint IN ('b-warn', 'b-crit') ORDER BY fingerprint`);
    expect(rows.rows.map((r) => [r.fingerprint, r.alert_rules === null ? null : 'ruled'])).toEqual([['b-crit', null], ['b-warn', 'ruled']]);
  });

  it('Events: a warning routed to Web by its team label gets the low urgency of Web\'s rule', async () => {
    const res = await api.post(EVENTS, { routing_key: key, event_action: 'trigger', dedup_key: 'w-1', payload: { summary: 'slow page', source: 'web-1', severity: 'warning', group: 'web' } });
    expect(res.status).toBe(202);
    const rows = await api.db.pool.query<{ alert_rules: { applied?: { name: string }[] } | null; service_id: string }>(`SELECT alert_rules, service_id FROM alerts WHERE service_id = $1`, [web]);
    expect(rows.rows.length).toBe(1);
    expect(JSON.stringify(rows.rows[0]!.alert_rules)).toContain('web warnings are low');
  });

  it('the preview shows the target service\'s rules: suppressed pages no one, a lowered urgency is named', async () => {
    const res = await api.admin('POST', '/api/v1/routing-integrations/preview', {
      routes: routes(),
      catchAllServiceId: null,
      payload: { version: '4', groupKey: '{}:{}', status: 'firing', receiver: 'heinrich', groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: 'http://am', truncatedAlerts: 0,
        alerts: [
          { ...alert('p-1', { namespace: 'batch-1', severity: 'warning' }), endsAt: '0001-01-01T00:00:00Z', generatorURL: '' },
          { ...alert('p-2', { team: 'web', severity: 'warning' }), endsAt: '0001-01-01T00:00:00Z', generatorURL: '' },
        ] },
    });
    expect(res.status).toBe(200);
    const byFp = Object.fromEntries(res.body.items.map((i: { fingerprint: string; serviceId: string; suppressed: boolean; urgency: string | null; alertRules: string[]; wouldPage: unknown[] }) => [i.fingerprint, [i.serviceId, i.suppressed, i.urgency, i.alertRules, i.wouldPage]]));
    expect(byFp).toEqual({
      'p-1': [batch, true, null, ['suppressed by rule "batch is noise" on Batch'], []],
      'p-2': [web, false, 'low', ['urgency lowered to low by rule "web warnings are low" on Web'], []],
    });
  });
});
