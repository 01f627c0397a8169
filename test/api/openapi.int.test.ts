// GET /api/v1/openapi.json answers without any credential, and real answers of
// key endpoints match the response schemas the document is generated from
// (packages/contracts): a mapper that drifts from its contract fails here.
import { randomUUID } from 'node:crypto';
import { ingestSummaryJson } from '@heinrich/contracts/alertmanager-webhook';
import { apiKeyJson, createdApiKeyJson } from '@heinrich/contracts/api-keys';
import { auditEntryJson } from '@heinrich/contracts/audit-log';
import { meJson } from '@heinrich/contracts/auth';
import { contactMethodJson, createdContactMethodJson, createdNotificationRuleJson, notificationJson, notificationRuleJson } from '@heinrich/contracts/contact-methods';
import { errorJson } from '@heinrich/contracts/errors';
import { escalationPolicyJson } from '@heinrich/contracts/escalation-policies';
import { eventsApiResponse } from '@heinrich/contracts/events-api';
import { explainIncidentResponse, incidentDetailJson, incidentJson, timelineEventJson } from '@heinrich/contracts/incidents';
import { createdIntegrationKeyJson, integrationKeyJson } from '@heinrich/contracts/integration-keys';
import { buildOpenApiDocument } from '@heinrich/contracts/openapi/build-openapi-document';
import { page } from '@heinrich/contracts/primitives';
import { calendarFeedJson, gapsJson, onCallJson, overrideJson, previewJson, scheduleJson, shiftsJson } from '@heinrich/contracts/schedules';
import { serviceJson } from '@heinrich/contracts/services';
import { simulationJson } from '@heinrich/contracts/simulate';
import { teamJson } from '@heinrich/contracts/teams';
import { userJson } from '@heinrich/contracts/users';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { startTestApi, type HttpResult, type TestApi } from '../support/api-server';
import { alertmanagerFixture } from '../support/fixtures';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

/** The body parsed with its contract: strict objects, so a missing, extra or mistyped field fails. */
function expectShape<S extends z.ZodType>(res: HttpResult, status: number, schema: S): z.infer<S> {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const parsed = schema.safeParse(res.body);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  return parsed.data as z.infer<S>;
}

describe('GET /api/v1/openapi.json', () => {
  it('answers 200 with the OpenAPI 3.1 document to a request with no credential at all', async () => {
    const res = await api.request('GET', '/api/v1/openapi.json', undefined, {});
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body.openapi).toMatch(/^3\.1\./);
    expect(res.body).toEqual(buildOpenApiDocument());
  });

  it('leaves the rest of /api/v1 behind the credential', async () => {
    const res = await api.request('GET', '/api/v1/incidents', undefined, {});
    expectShape(res, 401, errorJson);
  });
});

describe('GET /api/v1/docs, the API reference (Swagger UI from the api itself)', () => {
  it('answers 200 HTML with no credential, and every file the page names loads from the api', async () => {
    const res = await fetch(`${api.baseUrl}/api/v1/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    // the same policy as the UI: no inline script, nothing from another origin
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son\w+=/i);
    const files = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map(([, url]) => url!);
    expect(files).toEqual(expect.arrayContaining(['/api/v1/docs/assets/swagger-ui-bundle.js', '/api/v1/docs/assets/swagger-ui.css', '/api/v1/docs/assets/api-reference.js']));
    for (const file of files) {
      expect(file, 'a path on this origin').toMatch(/^\/api\/v1\//);
      const asset = await fetch(`${api.baseUrl}${file}`);
      expect(asset.status, file).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, file).toBeGreaterThan(0);
    }
    const bundle = await fetch(`${api.baseUrl}/api/v1/docs/assets/swagger-ui-bundle.js`);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    const initializer = await (await fetch(`${api.baseUrl}/api/v1/docs/assets/api-reference.js`)).text();
    expect(initializer).toContain("url: '/api/v1/openapi.json'");
  });

  it("serves only the viewer's files, not the rest of the package", async () => {
    for (const path of ['/api/v1/docs/assets/index.html', '/api/v1/docs/assets/package.json', '/api/v1/docs/assets/swagger-ui-bundle.js.map']) {
      const res = await api.request('GET', path, undefined, {});
      expect(res.status, path).not.toBe(200);
    }
  });
});

describe('real answers match their schemas', () => {
  it('services, keys, ingest, incidents, explain, notes', async () => {
    const service = expectShape(await api.admin('POST', '/api/v1/services', { name: `svc-${randomUUID().slice(0, 8)}` }), 201, serviceJson);
    expectShape(await api.admin('GET', '/api/v1/services'), 200, page(serviceJson));
    const key = expectShape(await api.admin('POST', `/api/v1/services/${service.id}/integration-keys`, { type: 'alertmanager' }), 201, createdIntegrationKeyJson);
    expectShape(await api.admin('GET', `/api/v1/services/${service.id}/integration-keys`), 200, page(integrationKeyJson));

    expectShape(await api.post('/api/v1/integrations/alertmanager', alertmanagerFixture('01-firing-initial-6-pods.json'), key.key), 200, ingestSummaryJson);
    const list = expectShape(await api.admin('GET', `/api/v1/incidents?serviceId=${service.id}`), 200, page(incidentJson));
    const incident = list.items[0]!;
    expectShape(await api.admin('GET', `/api/v1/incidents/${incident.id}`), 200, incidentDetailJson);
    expectShape(await api.admin('POST', `/api/v1/incidents/${incident.number}/notes`, { text: 'looking' }), 201, timelineEventJson);
    expectShape(await api.admin('POST', `/api/v1/incidents/${incident.id}/acknowledge`, {}), 200, incidentDetailJson);

    const someone = await api.createUser({ name: 'Erin' });
    const explained = expectShape(await api.admin('GET', `/api/v1/incidents/${incident.id}/explain?userId=${someone.id}`), 200, explainIncidentResponse);
    expect(explained.people.map((p) => p.userId)).toEqual([someone.id]);
    expectShape(await api.admin('GET', `/api/v1/incidents/${randomUUID()}`), 404, errorJson);
  });

  it('the events API', async () => {
    const service = (await api.admin('POST', '/api/v1/services', { name: `events-${randomUUID().slice(0, 8)}` })).body;
    const key = (await api.admin('POST', `/api/v1/services/${service.id}/integration-keys`, { type: 'events' })).body.key;
    const event = { routing_key: key, event_action: 'trigger', payload: { summary: 'Disk full', source: 'db-1', severity: 'critical' } };
    expectShape(await api.post('/api/v1/integrations/events', event), 202, eventsApiResponse);
    expectShape(await api.post('/api/v1/integrations/events', { ...event, payload: { ...event.payload, severity: 'fatal' } }), 400, errorJson);
  });

  it('me, users, teams, API keys, escalation policies and simulate', async () => {
    const erin = await api.createUser({ name: 'Erin' });
    expectShape(await erin.call('GET', '/api/v1/auth/me'), 200, meJson);
    expectShape(await api.admin('GET', '/api/v1/auth/me'), 200, meJson);
    expectShape(await api.admin('GET', '/api/v1/users'), 200, page(userJson));
    expectShape(await api.admin('GET', `/api/v1/users/${erin.id}`), 200, userJson);
    const team = expectShape(await api.admin('POST', '/api/v1/teams', { name: `team-${randomUUID().slice(0, 8)}`, members: [{ userId: erin.id, role: 'responder' }] }), 201, teamJson);
    expectShape(await api.admin('POST', '/api/v1/api-keys', { name: 'ci', role: 'viewer', teamId: team.id }), 201, createdApiKeyJson);
    expectShape(await api.admin('GET', '/api/v1/api-keys'), 200, page(apiKeyJson));
    await api.admin('POST', `/api/v1/users/${erin.id}/contact-methods`, { type: 'log', value: 'erin' });

    const policy = expectShape(
      await api.admin('POST', '/api/v1/escalation-policies', { name: 'primary', teamId: team.id, repeat: 1, steps: [{ delayMinutes: 5, targets: [{ type: 'user', id: erin.id }] }] }),
      201,
      escalationPolicyJson,
    );
    const simulation = expectShape(await api.admin('POST', `/api/v1/escalation-policies/${policy.id}/simulate`, { at: '2026-03-16T09:00:00Z' }), 200, simulationJson);
    expect(simulation.pages.map((p) => p.userId)).toEqual([erin.id, erin.id]);
  });

  it('schedules: on call, shifts, gaps, preview, overrides, calendar feeds', async () => {
    const ann = await api.createUser({ name: 'Ann' });
    const bob = await api.createUser({ name: 'Bob' });
    const members = [ann, bob].map((u) => ({ userId: u.id, role: 'responder' }));
    const team = (await api.admin('POST', '/api/v1/teams', { name: `sched-${randomUUID().slice(0, 8)}`, members })).body;
    const layer = { name: 'weekly', members: [ann.id, bob.id], rotation: { type: 'weekly', shiftLength: 1 }, start: '2026-03-16T09:00:00+01:00' };
    const schedule = expectShape(
      await api.admin('POST', '/api/v1/schedules', { name: 'primary', teamId: team.id, timeZone: 'Europe/Berlin', layers: [{ ...layer, restrictions: [{ type: 'daily', start: '08:00', end: '20:00' }] }] }),
      201,
      scheduleJson,
    );
    expectShape(await api.admin('GET', `/api/v1/schedules/${schedule.id}`), 200, scheduleJson);
    const id = schedule.id;
    expectShape(await api.admin('GET', `/api/v1/schedules/${id}/on-call?at=2026-03-17T10:00:00Z`), 200, onCallJson);
    const range = 'from=2026-03-16T00:00:00Z&to=2026-03-30T00:00:00Z';
    expectShape(await api.admin('GET', `/api/v1/schedules/${id}/shifts?${range}&layers=true`), 200, shiftsJson);
    expectShape(await api.admin('GET', `/api/v1/schedules/${id}/gaps?${range}`), 200, gapsJson);
    expectShape(await api.admin('POST', `/api/v1/schedules/${id}/preview?weeks=2`, { layers: [layer] }), 200, previewJson);
    const start = new Date(Date.now() + 86_400_000).toISOString();
    const end = new Date(Date.now() + 2 * 86_400_000).toISOString();
    expectShape(await api.admin('POST', `/api/v1/schedules/${id}/overrides`, { userId: bob.id, start, end }), 201, overrideJson);
    expectShape(await api.admin('GET', `/api/v1/schedules/${id}/overrides`), 200, page(overrideJson));
    expectShape(await api.admin('POST', `/api/v1/schedules/${id}/calendar-feed`), 201, calendarFeedJson);
    expectShape(await api.admin('PATCH', `/api/v1/schedules/${id}`, { name: 'renamed' }), 428, errorJson);
  });

  it('contact methods, notification rules, the delivery log and the audit log', async () => {
    const dana = await api.createUser({ name: 'Dana' });
    const method = expectShape(await api.admin('POST', `/api/v1/users/${dana.id}/contact-methods`, { type: 'webhook', value: 'http://127.0.0.1:9/hook' }), 201, createdContactMethodJson);
    expect(method.signingSecret).toEqual(expect.any(String));
    expectShape(await api.admin('GET', `/api/v1/users/${dana.id}/contact-methods`), 200, page(contactMethodJson));
    expectShape(await api.admin('POST', `/api/v1/users/${dana.id}/notification-rules`, { contactMethodId: method.id, delayMinutes: 0 }), 201, createdNotificationRuleJson);
    expectShape(await api.admin('GET', `/api/v1/users/${dana.id}/notification-rules`), 200, page(notificationRuleJson));
    expectShape(await api.admin('GET', `/api/v1/notifications?userId=${dana.id}`), 200, page(notificationJson));
    const audit = expectShape(await api.admin('GET', '/api/v1/audit-log?limit=200'), 200, page(auditEntryJson));
    expect(audit.items.length).toBeGreaterThan(0);
  });
});
