// Slack's button clicks (POST /api/v1/slack/interactions), signed like Slack
// signs them, against the real api, Postgres and worker: a linked responder's
// click acknowledges (the timeline names the Slack user, via slack); a bad
// signature or a stale timestamp is a 401; an unlinked Slack user and a
// viewer get an ephemeral explanation through the response_url and nothing
// changes; Slack users are linked by email when Slack tells it.
import { slackSignature } from '@heinrich/providers/slack/verify-signature';
import { createSlackClient } from '@heinrich/providers/slack/create-slack-client';
import { startFakeSlackServer, type FakeSlackServer } from '@heinrich/providers/slack/fake-slack-server';
import { setUserSlackId } from '@heinrich/db/slack/set-user-slack-id';
import { resolveSlackUser } from '@heinrich/usecases/slack/resolve-slack-user';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEscalationWorld, type EscalationWorld } from '../escalation/escalation-world';
import { startTestApi } from '../support/api-server';
import { eventually } from '../worker/eventually';

const SECRET = 'slack-signing-secret-for-tests';
let world: EscalationWorld;
let slack: FakeSlackServer;
let key: string;

beforeAll(async () => {
  world = await startEscalationWorld({ apiEnv: { SLACK_SIGNING_SECRET: SECRET } });
  slack = await startFakeSlackServer();
  const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: world.people.bob.id }] }]);
  key = (await world.service({ policyId })).key;
  expect(await setUserSlackId(world.api.db.pool, world.people.bob.id, 'U0BOB')).toBe(true);
}, 60_000);

afterAll(async () => {
  await slack?.close();
  await world?.close();
});

function clickBody(slackUserId: string, actionId: string, incidentId: string, responseName: string): string {
  const payload = {
    type: 'block_actions',
    user: { id: slackUserId, username: slackUserId.toLowerCase(), team_id: 'T0001' },
    team: { id: 'T0001', domain: 'acme' },
    container: { type: 'message', message_ts: '1700000000.000001', channel_id: 'C0PAGING', is_ephemeral: false },
    channel: { id: 'C0PAGING', name: 'paging' },
    response_url: slack.responseUrl(responseName),
    actions: [{ type: 'button', action_id: actionId, block_id: `incident:${incidentId}`, value: incidentId, action_ts: '1700000001.5' }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

async function click(body: string, opts: { secret?: string; ageSeconds?: number; baseUrl?: string } = {}) {
  const ts = String(Math.floor(world.clock.now().getTime() / 1000) - (opts.ageSeconds ?? 0));
  const res = await fetch(`${opts.baseUrl ?? world.api.baseUrl}/api/v1/slack/interactions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': ts,
      'x-slack-signature': slackSignature(opts.secret ?? SECRET, ts, body),
    },
    body,
  });
  return { status: res.status, text: await res.text() };
}

async function status(incidentId: string): Promise<string> {
  return (await world.api.admin('GET', `/api/v1/incidents/${incidentId}`)).body.status;
}

describe('Slack interactions', () => {
  it("a linked responder's Acknowledge click acknowledges; the timeline shows the Slack user, via slack", async () => {
    const incident = await world.trigger(key);
    const res = await click(clickBody('U0BOB', 'incident_ack', incident.id, 'ack-1'));
    expect(res.status).toBe(200);
    expect(await status(incident.id)).toBe('acknowledged');
    const [event] = await world.timeline(incident.id, ['acknowledged']);
    expect(event!.message).toBe('Acknowledged by Bob (Slack user U0BOB) via slack');
    const row = await world.api.db.pool.query(`SELECT actor, via FROM incident_events WHERE incident_id = $1 AND type = 'acknowledged'`, [incident.id]);
    expect(row.rows).toEqual([{ actor: `user:${world.people.bob.id}`, via: 'slack' }]);
    expect(slack.responses.filter((r) => r.name === 'ack-1')).toEqual([]);

    // a second click (two people, or a double tap) changes nothing more
    expect((await click(clickBody('U0BOB', 'incident_ack', incident.id, 'ack-2'))).status).toBe(200);
    expect(await world.timeline(incident.id, ['acknowledged'])).toHaveLength(1);

    expect((await click(clickBody('U0BOB', 'incident_resolve', incident.id, 'resolve-1'))).status).toBe(200);
    expect(await status(incident.id)).toBe('resolved');
  });

  it('Escalate records the request via slack', async () => {
    const policyId = await world.policy([
      { delayMinutes: 10, targets: [{ type: 'user', id: world.people.bob.id }] },
      { delayMinutes: 10, targets: [{ type: 'user', id: world.people.carol.id }] },
    ]);
    const incident = await world.trigger((await world.service({ policyId })).key);
    expect((await click(clickBody('U0BOB', 'incident_escalate', incident.id, 'esc-1'))).status).toBe(200);
    const [event] = await world.timeline(incident.id, ['escalation_requested']);
    expect(event!.message).toBe('Escalation to the next step requested by Bob (Slack user U0BOB) via slack');
  });

  it('a bad signature or a stale timestamp is a 401 and changes nothing', async () => {
    const incident = await world.trigger(key);
    const body = clickBody('U0BOB', 'incident_ack', incident.id, 'bad');
    const wrong = await click(body, { secret: 'not-the-secret-at-all' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('X-Slack-Signature does not match');
    const stale = await click(body, { ageSeconds: 6 * 60 });
    expect(stale.status).toBe(401);
    expect(stale.text).toContain('X-Slack-Request-Timestamp');
    expect(await status(incident.id)).toBe('triggered');
  });

  it('a malformed payload is a 400 naming what is wrong (after the signature); other interaction types are ignored', async () => {
    const incident = await world.trigger(key);
    const form = (payload: unknown) => new URLSearchParams({ payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }).toString();
    const good = JSON.parse(new URLSearchParams(clickBody('U0BOB', 'incident_ack', incident.id, 'malformed')).get('payload')!) as Record<string, unknown>;
    const cases: [string, string, string, string][] = [
      ['no payload field', 'foo=bar', 'payload', 'Slack interaction is invalid: payload is required'],
      ['not JSON', form('{"type":'), 'payload', 'Slack interaction is invalid: payload is not JSON'],
      ['no type', form({ ...good, type: undefined }), 'payload.type', 'Slack interaction is invalid: payload.type is required'],
      ['no user', form({ ...good, user: undefined }), 'payload.user', 'Slack interaction is invalid: payload.user must be an object with the id of who clicked'],
      ['no user id', form({ ...good, user: { name: 'bob' } }), 'payload.user.id', 'Slack interaction is invalid: payload.user.id is required'],
      ['no actions', form({ ...good, actions: [] }), 'payload.actions', 'Slack interaction is invalid: payload.actions must name the action clicked'],
      ['an action id of the wrong type', form({ ...good, actions: [{ action_id: 7 }] }), 'payload.actions.0.action_id', 'Slack interaction is invalid: payload.actions.0.action_id must be a string'],
    ];
    for (const [what, body, path, message] of cases) {
      const res = await click(body);
      expect(res.status, what).toBe(400);
      const { error } = JSON.parse(res.text) as { error: { code: string; message: string; fields: { path: string }[] } };
      expect(error, what).toMatchObject({ code: 'validation_failed', message, fields: [{ path }] });
    }
    // unsigned, the same body is a 401: nothing is read before the signature
    expect((await click(form('{"type":'), { secret: 'not-the-secret-at-all' })).status).toBe(401);
    // a view submission, or a button that is not Heinrich's: 200, nothing done
    expect((await click(form({ type: 'view_submission', user: { id: 'U0BOB' }, view: {} }))).status).toBe(200);
    expect((await click(form({ ...good, actions: [{ action_id: 'someone_elses_button', value: incident.id }] }))).status).toBe(200);
    expect(await status(incident.id)).toBe('triggered');
    expect(slack.responses.filter((r) => r.name === 'malformed')).toEqual([]);
  });

  it('an unlinked Slack user gets an ephemeral explanation and nothing changes', async () => {
    const incident = await world.trigger(key);
    expect((await click(clickBody('U0STRANGER', 'incident_ack', incident.id, 'unlinked'))).status).toBe(200);
    const [reply] = await eventually('the ephemeral reply', async () => {
      const r = slack.responses.filter((x) => x.name === 'unlinked');
      return r.length > 0 ? r : undefined;
    });
    expect(reply!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(reply!.body.text)).toContain('not linked to a Heinrich user');
    expect(String(reply!.body.text)).toContain('U0STRANGER');
    expect(await status(incident.id)).toBe('triggered');
    expect(await world.timeline(incident.id, ['acknowledged'])).toEqual([]);
  });

  it('a viewer of the team gets an ephemeral explanation and nothing changes', async () => {
    const viewer = await world.api.db.prisma.user.create({ data: { name: 'Vic', email: `vic-${randomUUID().slice(0, 8)}@example.test`, slackUserId: 'U0VIC' } });
    await world.api.db.prisma.teamMember.create({ data: { teamId: world.team.id, userId: viewer.id, role: 'viewer' } });
    const incident = await world.trigger(key);
    expect((await click(clickBody('U0VIC', 'incident_ack', incident.id, 'viewer'))).status).toBe(200);
    const [reply] = await eventually('the ephemeral reply', async () => {
      const r = slack.responses.filter((x) => x.name === 'viewer');
      return r.length > 0 ? r : undefined;
    });
    expect(String(reply!.body.text)).toMatch(/^Nothing was changed: /);
    expect(await status(incident.id)).toBe('triggered');
  });

  it('finds an unlinked Slack user by the email Slack has for them, and stores the link', async () => {
    const lena = await world.api.db.prisma.user.findUniqueOrThrow({ where: { id: world.people.lena.id } });
    slack.users.set('U0LENA', { id: 'U0LENA', email: lena.email.toUpperCase() });
    const client = createSlackClient({ botToken: 'xoxb-test', apiUrl: slack.apiUrl });
    const found = await resolveSlackUser(world.api.ctx, 'U0LENA', { slack: client });
    expect(found).toMatchObject({ userId: lena.id, name: 'Lena', role: 'user', teamRoles: { [world.team.id]: 'lead' } });
    expect((await world.api.db.prisma.user.findUniqueOrThrow({ where: { id: lena.id } })).slackUserId).toBe('U0LENA');
    // nobody with that email: null, nothing stored
    slack.users.set('U0GHOST', { id: 'U0GHOST', email: 'ghost@example.test' });
    expect(await resolveSlackUser(world.api.ctx, 'U0GHOST', { slack: client })).toBeNull();
    expect(await resolveSlackUser(world.api.ctx, 'U0UNKNOWN', { slack: client })).toBeNull();
  });

  it('admins link a Slack member id explicitly (PATCH /users/{id} slackUserId); one Slack user is one Heinrich user', async () => {
    const carol = world.people.carol;
    const linked = await world.api.admin('PATCH', `/api/v1/users/${carol.id}`, { slackUserId: 'U0CAROL' });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body.slackUserId).toBe('U0CAROL');
    const incident = await world.trigger(key);
    expect((await click(clickBody('U0CAROL', 'incident_ack', incident.id, 'carol'))).status).toBe(200);
    expect((await world.timeline(incident.id, ['acknowledged']))[0]!.message).toBe('Acknowledged by Carol (Slack user U0CAROL) via slack');

    const taken = await world.api.admin('PATCH', `/api/v1/users/${world.people.dave.id}`, { slackUserId: 'U0CAROL' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields).toEqual([{ path: 'slackUserId', message: 'is linked to another user' }]);
    const bad = await world.api.admin('PATCH', `/api/v1/users/${world.people.dave.id}`, { slackUserId: 'carol@example.com' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('slackUserId');
    expect((await world.api.admin('PATCH', `/api/v1/users/${carol.id}`, { slackUserId: null })).body.slackUserId).toBeNull();
  });

  it('answers 503 naming SLACK_SIGNING_SECRET when it is not set', async () => {
    const api = await startTestApi();
    try {
      const res = await click(clickBody('U0BOB', 'incident_ack', randomUUID(), 'x'), { baseUrl: api.baseUrl });
      expect(res.status).toBe(503);
      expect(res.text).toContain('SLACK_SIGNING_SECRET');
    } finally {
      await api.close();
    }
  });
});
