// The incident page with the real worker behind it: the escalation's own steps
// appear on the page as they happen (it polls), and "Escalate now" moves the
// escalation to the next step at once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestWorker, type TestWorker } from '../worker/start-test-worker';
import { signInAs, startWeb, type WebWorld } from './browser';

let web: WebWorld;
let worker: TestWorker;

beforeAll(async () => {
  web = await startWeb();
  worker = await startTestWorker({ databaseUrl: web.api.databaseUrl, redisUrl: web.api.redisUrl, redisPrefix: web.api.redisPrefix });
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await web?.close();
});

it('a responder watches step 1 page the first person and escalates to step 2 without waiting', async () => {
  const teamId = (await web.api.admin('POST', '/api/v1/teams', { name: 'Checkout' })).body.id;
  const rita = await web.api.createUser({ name: 'Rita Responder', teams: { [teamId]: 'responder' } });
  const first = await web.api.createUser({ name: 'Fiona First', teams: { [teamId]: 'responder' } });
  const second = await web.api.createUser({ name: 'Sam Second', teams: { [teamId]: 'lead' } });
  const policy = await web.api.admin('POST', '/api/v1/escalation-policies', {
    name: 'Checkout: Fiona, then Sam',
    teamId,
    repeat: 0,
    steps: [
      { delayMinutes: 30, targets: [{ type: 'user', id: first.id }] },
      { delayMinutes: 30, targets: [{ type: 'user', id: second.id }] },
    ],
  });
  expect(policy.status).toBe(201);
  const service = (await web.api.admin('POST', '/api/v1/services', { name: 'checkout', teamId, escalationPolicyId: policy.body.id })).body;
  const incident = (await web.api.admin('POST', '/api/v1/incidents', { serviceId: service.id, title: 'Card payments fail' })).body;

  const page = await web.newPage();
  await signInAs(page, rita);
  await page.goto(`/incidents/${incident.number}`);
  const timeline = page.getByRole('list', { name: 'Timeline events' });
  // the worker's step 1 shows up by itself
  await expect.poll(() => timeline.textContent(), { timeout: 30_000 }).toContain('paging Fiona First');
  expect(await timeline.textContent()).not.toContain('paging Sam Second');

  await page.getByRole('button', { name: 'Escalate now' }).click();
  await page.getByText('Escalation requested').waitFor();
  await expect.poll(() => timeline.textContent()).toContain('requested by Rita Responder');
  await expect.poll(() => timeline.textContent(), { timeout: 30_000 }).toContain('paging Sam Second');
  // who was paged and why names both
  const why = page.getByRole('region', { name: 'Who was paged and why' });
  await expect.poll(() => why.textContent(), { timeout: 30_000 }).toContain('Sam Second');
});
