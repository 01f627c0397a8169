// The /oncall slash command, signed like Slack signs it (v0 HMAC over the raw
// urlencoded body): who is on call and until when, acknowledging as the linked
// user, and the answers for everything that can't be done.
import { createSlackClient } from '@heinrich/providers/slack/create-slack-client';
import { startFakeSlackServer } from '@heinrich/providers/slack/fake-slack-server';
import { slackSignature } from '@heinrich/providers/slack/verify-signature';
import { handleSlashCommand } from '@heinrich/usecases/slack/handle-slash-command';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type HttpResult, type SignedInUser, type TestApi } from '../support/api-server';

const SECRET = 'slack-signing-secret-for-tests';
let api: TestApi;
let alice: SignedInUser;
let bob: SignedInUser;
let viewer: SignedInUser;
let team: { id: string; name: string };
let serviceId: string;
let override: { start: string; end: string };

/** POST /api/v1/slack/commands as Slack sends it. */
async function command(slackUserId: string, text: string, opts: { secret?: string; at?: Date } = {}): Promise<HttpResult> {
  const body = new URLSearchParams({
    token: 'legacy',
    team_id: 'T0001',
    team_domain: 'acme',
    channel_id: 'C0PAGING',
    user_id: slackUserId,
    user_name: 'someone',
    command: '/oncall',
    text,
    response_url: 'https://hooks.slack.com/commands/T0001/1/xyz',
    trigger_id: '1337.42.abcd',
  }).toString();
  const ts = String(Math.floor((opts.at ?? new Date()).getTime() / 1000));
  return api.request('POST', '/api/v1/slack/commands', body, {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': ts,
    'x-slack-signature': slackSignature(opts.secret ?? SECRET, ts, body),
  });
}

beforeAll(async () => {
  api = await startTestApi({ env: { SLACK_SIGNING_SECRET: SECRET } });
  team = (await api.admin('POST', '/api/v1/teams', { name: 'Storage' })).body;
  alice = await api.createUser({ name: 'Alice', teams: { [team.id]: 'responder' } });
  bob = await api.createUser({ name: 'Bob <!channel>', teams: { [team.id]: 'responder' } });
  viewer = await api.createUser({ name: 'Vera', teams: { [team.id]: 'viewer' } });
  // linked Slack users (what resolveSlackUser stores after the first lookup by email)
  for (const [u, slackId] of [
    [alice, 'UALICE'],
    [bob, 'UBOB'],
    [viewer, 'UVERA'],
  ] as const) {
    await api.db.prisma.user.update({ where: { id: u.id }, data: { slackUserId: slackId } });
  }
  const layers = (members: string[]) => [{ name: 'weekly', members, rotation: { type: 'weekly', shiftLength: 1 }, start: '2026-03-16T09:00:00+01:00' }];
  const primary = (await api.admin('POST', '/api/v1/schedules', { name: 'Storage primary', teamId: team.id, timeZone: 'Europe/Berlin', layers: layers([alice.id]) })).body;
  await api.admin('POST', '/api/v1/schedules', { name: 'Storage secondary', teamId: team.id, timeZone: 'Europe/Berlin', layers: layers([alice.id]) });
  // Bob covers the primary for the next 90 minutes
  const start = new Date(Date.now() - 60_000);
  const end = new Date(Math.ceil((Date.now() + 90 * 60_000) / 60_000) * 60_000);
  const o = await api.admin('POST', `/api/v1/schedules/${primary.id}/overrides`, { userId: bob.id, start: start.toISOString(), end: end.toISOString() });
  expect(o.status).toBe(201);
  override = { start: start.toISOString(), end: end.toISOString() };
  serviceId = (await api.admin('POST', '/api/v1/services', { name: 'disks', teamId: team.id })).body.id;
});

afterAll(async () => {
  await api?.close();
});

describe('/oncall', () => {
  it("says who is on call in the user's teams' schedules and until when", async () => {
    const res = await command('UALICE', '');
    expect(res.status).toBe(200);
    expect(res.body.response_type).toBe('ephemeral');
    const lines = (res.body.text as string).split('\n');
    const unix = Math.floor(new Date(override.end).getTime() / 1000);
    // Bob's override, until its end (Slack renders the date in the reader's zone); his name is escaped
    expect(lines[0]).toBe(
      `*Storage primary* (team Storage): *Bob &lt;!channel&gt;* until <!date^${unix}^{date_short_pretty} at {time}|${override.end.slice(0, 16).replace('T', ' ')} UTC>`,
    );
    expect(lines[1]).toBe('*Storage secondary* (team Storage): *Alice* for at least the next 2 weeks');
  });

  it('answers for a named schedule, and helps with an unknown one', async () => {
    const named = await command('UALICE', 'storage SECONDARY');
    expect(named.body.text).toBe('*Storage secondary* (team Storage): *Alice* for at least the next 2 weeks');
    const unknown = await command('UALICE', 'Payments');
    expect(unknown.status).toBe(200);
    expect(unknown.body.text).toBe(
      'There is no schedule named "Payments". Schedules of your teams: *Storage primary*, *Storage secondary*. Try `/oncall <schedule name>`.',
    );
  });

  it('acknowledges an incident as the linked user, via Slack', async () => {
    const inc = (await api.admin('POST', '/api/v1/incidents', { serviceId, title: 'Disk full on db-1' })).body;
    const res = await command('UALICE', `ack ${inc.number}`);
    expect(res.body.text).toBe(`:white_check_mark: Incident #${inc.number} (Disk full on db-1) is acknowledged.`);
    const detail = (await api.admin('GET', `/api/v1/incidents/${inc.number}`)).body;
    expect(detail.status).toBe('acknowledged');
    const ack = detail.timeline.find((e: { type: string }) => e.type === 'acknowledged');
    expect(ack).toMatchObject({ actor: `user:${alice.id}`, via: 'slack' });
    expect(ack.message).toContain('Alice (Slack user UALICE)');

    // a viewer may not: the reason, and nothing changes
    const other = (await api.admin('POST', '/api/v1/incidents', { serviceId, title: 'Disk slow' })).body;
    const denied = await command('UVERA', `ack #${other.number}`);
    expect(denied.status).toBe(200);
    expect(denied.body.text).toContain(`Incident #${other.number} was not acknowledged: Only responders and leads of team Storage`);
    expect((await api.admin('GET', `/api/v1/incidents/${other.number}`)).body.status).toBe('triggered');

    expect((await command('UALICE', 'ack 999999')).body.text).toBe('Incident #999999 was not acknowledged: Incident #999999 does not exist');
    expect((await command('UALICE', 'ack')).body.text).toBe('Which incident? Give its number: `/oncall ack 42`.');
  });

  it('explains to an unlinked Slack user how to link, and changes nothing', async () => {
    const inc = (await api.admin('POST', '/api/v1/incidents', { serviceId, title: 'Disk gone' })).body;
    const res = await command('UNOBODY', `ack ${inc.number}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      response_type: 'ephemeral',
      text: expect.stringContaining('Your Slack account is not linked to a Heinrich user'),
    });
    expect(res.body.text).toContain('UNOBODY');
    expect((await api.admin('GET', `/api/v1/incidents/${inc.number}`)).body.status).toBe('triggered');
  });

  it('has help', async () => {
    const res = await command('UNOBODY', 'help');
    expect(res.body.text).toContain('*/oncall ack <incident number>*');
  });

  it('refuses requests not signed by Slack, or signed too long ago (401)', async () => {
    const forged = await command('UALICE', '', { secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    expect(forged.body.error.message).toContain('X-Slack-Signature does not match');
    const stale = await command('UALICE', '', { at: new Date(Date.now() - 10 * 60_000) });
    expect(stale.status).toBe(401);
    expect(stale.body.error.message).toContain('X-Slack-Request-Timestamp');
    const unsigned = await api.request('POST', '/api/v1/slack/commands', 'user_id=UALICE&text=', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(unsigned.status).toBe(401);
  });

  it('a signed command without user_id is a 400 naming it; fields Heinrich does not read pass through', async () => {
    const ts = String(Math.floor(Date.now() / 1000));
    const signed = (body: string) => api.request('POST', '/api/v1/slack/commands', body, {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': ts,
      'x-slack-signature': slackSignature(SECRET, ts, body),
    });
    const missing = await signed('command=%2Foncall&text=&team_id=T0001');
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'validation_failed', message: 'Slash command is invalid: user_id is required', fields: [{ path: 'user_id', message: 'is required' }] });
    expect((await signed('command=%2Foncall&text=&user_id=')).body.error.message).toBe('Slash command is invalid: user_id must not be empty');
    // no command or text: /oncall with no text, as before
    const bare = await signed('user_id=UALICE&api_app_id=A0001&is_enterprise_install=false');
    expect(bare.status).toBe(200);
    expect(bare.body.text).toContain('*Storage primary* (team Storage)');
  });

  it('answers 503 naming SLACK_SIGNING_SECRET when Slack is not configured', async () => {
    const bare = await startTestApi();
    try {
      const res = await bare.request('POST', '/api/v1/slack/commands', 'user_id=UALICE&text=', { 'content-type': 'application/x-www-form-urlencoded' });
      expect(res.status).toBe(503);
      expect(res.body.error.message).toContain('SLACK_SIGNING_SECRET');
    } finally {
      await bare.close();
    }
  });

  it('finds an unlinked Slack user by the email Slack has for them (with a bot token), and answers them', async () => {
    const carol = await api.createUser({ name: 'Carol', teams: { [team.id]: 'lead' } });
    const slack = await startFakeSlackServer();
    try {
      slack.users.set('UCAROL', { id: 'UCAROL', email: carol.email });
      const client = createSlackClient({ botToken: 'xoxb-test', apiUrl: slack.apiUrl });
      const reply = await handleSlashCommand(api.ctx, { command: '/oncall', text: 'storage secondary', slackUserId: 'UCAROL' }, { slack: client });
      expect(reply).toEqual({ response_type: 'ephemeral', text: '*Storage secondary* (team Storage): *Alice* for at least the next 2 weeks' });
      expect((await api.db.prisma.user.findUniqueOrThrow({ where: { id: carol.id } })).slackUserId).toBe('UCAROL');
    } finally {
      await slack.close();
    }
  });
});
