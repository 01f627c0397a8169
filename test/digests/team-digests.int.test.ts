// The weekly team digest (docs/insights.md "Weekly digest"): the real
// @slack/web-api client against the fake Slack Web API, the real Postgres, and a
// test clock. Posted once at Monday 09:00 in the team's zone; a second pass or a
// second worker posts nothing; a slot missed while no worker ran is posted late,
// once; a Slack error is retried; readiness findings still open are marked
// "unfixed since last week".
import { createSlackClient } from '@heinrich/providers/slack/create-slack-client';
import { startFakeSlackServer, type FakeSlackServer } from '@heinrich/providers/slack/fake-slack-server';
import { upsertTeamSettings } from '@heinrich/db/digests/team-digest-rows';
import { noInsights, postTeamDigests, type TeamDigestDeps } from '@heinrich/usecases/digests/post-team-digests';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';

let api: TestApi;
let slack: FakeSlackServer;
let deps: TeamDigestDeps;
// the test clock: Monday 16 March 2026, 08:30 Berlin
let now = new Date('2026-03-16T07:30:00Z');
let teamId: string;
const CHANNEL = 'C0DIGEST';

beforeAll(async () => {
  api = await startTestApi({ now: () => now });
  slack = await startFakeSlackServer();
  deps = { slack: createSlackClient({ botToken: 'xoxb-test', apiUrl: slack.apiUrl }), publicUrl: 'https://heinrich.example.com', configured: new Set(['log', 'webhook']), loadInsights: noInsights };
  const team = await api.admin('POST', '/api/v1/teams', { name: 'Payments' });
  teamId = team.body.id;
  // a service without a policy: a readiness finding that stays unfixed
  expect((await api.admin('POST', '/api/v1/services', { name: 'Checkout', teamId })).status).toBe(201);
  await upsertTeamSettings(api.db.pool, { teamId, timeZone: 'Europe/Berlin', digestChannel: CHANNEL, digestEnabled: true, digestWeekday: 'monday', digestHour: 9, now: new Date('2026-03-10T00:00:00Z') });
}, 60_000);
afterAll(async () => {
  await slack?.close();
  await api?.close();
});

const digests = () => slack.callsOf('chat.postMessage').filter((c) => c.args.channel === CHANNEL);
const at = (iso: string) => {
  now = new Date(iso);
};

it('posts nothing before Monday 09:00 in the team zone, then once, whatever the number of passes and workers', async () => {
  expect((await postTeamDigests(api.ctx, deps)).posted).toEqual([]);
  at('2026-03-16T08:00:00Z'); // 09:00 Berlin
  const [a, b] = await Promise.all([postTeamDigests(api.ctx, deps), postTeamDigests(api.ctx, deps)]);
  expect([...a.posted, ...b.posted]).toEqual([{ teamId, week: '2026-03-16' }]);
  await postTeamDigests(api.ctx, deps);
  expect(digests()).toHaveLength(1);
  const text = String(digests()[0]!.args.text);
  expect(text).toContain('Weekly digest for Payments: Mon 9 Mar – Mon 16 Mar');
  expect(text).toContain('Service Checkout has no escalation policy');
  expect(text).not.toContain('unfixed since last week');
});

it('a week missed while no worker ran is posted late, once; a finding still open says so', async () => {
  at('2026-03-25T12:00:00Z'); // Wednesday after the 23 March slot
  expect((await postTeamDigests(api.ctx, deps)).posted).toEqual([{ teamId, week: '2026-03-23' }]);
  expect((await postTeamDigests(api.ctx, deps)).posted).toEqual([]);
  expect(digests()).toHaveLength(2);
  expect(String(digests()[1]!.args.text)).toContain('1 to fix, 1 unfixed since last week');
});

it('a Slack error is retried later and posted once', async () => {
  slack.failNext('chat.postMessage', { status: 500 });
  at('2026-03-30T07:00:00Z'); // 09:00 CEST
  const first = await postTeamDigests(api.ctx, deps);
  expect(first.refused).toHaveLength(1);
  expect(digests()).toHaveLength(3); // the fake records the refused call too
  expect((await postTeamDigests(api.ctx, deps)).posted).toEqual([]); // not yet due again
  at('2026-03-30T07:06:00Z');
  expect((await postTeamDigests(api.ctx, deps)).posted).toEqual([{ teamId, week: '2026-03-30' }]);
  expect(digests()).toHaveLength(4);
  expect((await postTeamDigests(api.ctx, deps)).posted).toEqual([]);
});

it('GET/PUT /api/v1/teams/{id}/settings: defaults, validation naming the field, leads only, audit-logged', async () => {
  const other = (await api.admin('POST', '/api/v1/teams', { name: 'Settings team' })).body;
  const get = await api.admin('GET', `/api/v1/teams/${other.id}/settings`);
  expect(get.body).toEqual({ timeZone: 'UTC', digest: { slackChannel: null, enabled: true, weekday: 'monday', hour: 9 }, updatedAt: null });
  const bad = await api.admin('PUT', `/api/v1/teams/${other.id}/settings`, { timeZone: 'Mars/Olympus', digest: { slackChannel: '#ops', enabled: true, weekday: 'funday', hour: 25 } });
  expect(bad.status).toBe(400);
  expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['digest.hour', 'digest.slackChannel', 'digest.weekday', 'timeZone']);
  const viewer = await api.createUser({ name: 'Viv', teams: { [other.id]: 'responder' } });
  const body = { timeZone: 'Asia/Tokyo', digest: { slackChannel: 'C0OPS', enabled: true, weekday: 'friday', hour: 17 } };
  expect((await viewer.call('PUT', `/api/v1/teams/${other.id}/settings`, body)).status).toBe(403);
  const put = await api.admin('PUT', `/api/v1/teams/${other.id}/settings`, body);
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  expect((await viewer.call('GET', `/api/v1/teams/${other.id}/settings`)).body).toMatchObject(body);
  const audit = await api.admin('GET', '/api/v1/audit-log?limit=5');
  expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('team.update_settings');
});
