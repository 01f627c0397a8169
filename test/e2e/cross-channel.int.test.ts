// One incident, three channels, every path keeps every channel true: the real
// api and the real worker runtime (startWorker as main.ts builds it: delivery
// with buildSenders, the Slack sync with the Slack Web API client) on real
// Postgres and Redis; the fake Twilio and the fake Slack Web API on loopback,
// reached through the real twilio and @slack/web-api clients; inbound SMS,
// voice webhooks and button clicks signed as Twilio and Slack sign them.
// An SMS reply acknowledges and the Slack messages (channel post and DM) say
// so in place; a Slack click resolves and the SMS user hears nothing more; a
// voice keypress acknowledges and Slack follows; a Slack Escalate click pages
// the next step by SMS at once and a web-UI ack updates Slack; a Slack ack
// before an SMS rule's delay means that SMS is never sent.
import { loadWorkerConfig } from '@heinrich/config/load-config';
import { createLogger } from '@heinrich/config/logger';
import { createDatabase, pingDatabase, type Database } from '@heinrich/db/create-database';
import { buildSenders } from '@heinrich/providers/build-senders';
import { createSlackClient } from '@heinrich/providers/slack/create-slack-client';
import { startFakeSlackServer, type FakeSlackCall, type FakeSlackServer } from '@heinrich/providers/slack/fake-slack-server';
import { slackSignature } from '@heinrich/providers/slack/verify-signature';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type WorkerRuntime } from '../../apps/worker/src/start-worker';
import { startEscalationWorld, type EscalationWorld, type Person } from '../escalation/escalation-world';
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, FAKE_FROM, startFakeTwilio, type FakeTwilio } from '../twilio/fake-twilio';
import { eventually } from '../worker/eventually';

const PUBLIC_URL = 'https://heinrich.example.com';
const SMS_WEBHOOK = `${PUBLIC_URL}/api/v1/twilio/sms`;
const SLACK_SECRET = 'cross-channel-signing-secret';
const BOT_TOKEN = 'xoxb-cross-channel';

let world: EscalationWorld;
let twilio: FakeTwilio;
let slack: FakeSlackServer;
let workerDb: Database;
let worker: WorkerRuntime;

beforeAll(async () => {
  twilio = await startFakeTwilio();
  slack = await startFakeSlackServer();
  const env = {
    PUBLIC_URL,
    TWILIO_ACCOUNT_SID: FAKE_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: FAKE_AUTH_TOKEN,
    TWILIO_FROM_NUMBER: FAKE_FROM,
    TWILIO_API_BASE_URL: twilio.url,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_API_URL: slack.apiUrl,
  };
  // the worker is started below as main.ts starts it; the world's own would have no senders and no Slack
  world = await startEscalationWorld({ apiEnv: env, inProcessWorker: false });
  twilio.heinrichUrl = world.api.baseUrl;
  const config = loadWorkerConfig({
    DATABASE_URL: world.api.databaseUrl,
    REDIS_URL: world.api.redisUrl,
    REDIS_PREFIX: world.api.redisPrefix,
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    OUTBOX_RELAY_INTERVAL_MS: '200',
    OUTBOX_STALE_AFTER_MS: '500',
    // steps fall due only when the test runs world.runDue() after moving the clock
    ESCALATION_SWEEP_INTERVAL_MS: '3600000',
    DELIVERY_BACKOFF_MS: '100',
    DELIVERY_ATTEMPTS: '3',
    DELIVERY_SWEEP_INTERVAL_MS: '200',
    DELIVERY_LOST_AFTER_MS: '0',
    ...env,
  });
  const logger = createLogger({ name: 'test-cross-channel', level: config.logLevel });
  workerDb = createDatabase({ url: world.api.databaseUrl, poolSize: 10, applicationName: 'test-cross-channel-worker' });
  const senders = buildSenders(config, logger, world.clock.now);
  expect([...senders.keys()]).toEqual(expect.arrayContaining(['sms', 'voice', 'slack']));
  worker = await startWorker({
    config,
    logger,
    db: workerDb,
    pingDatabase: () => pingDatabase(workerDb),
    now: world.clock.now,
    senders,
    slack: createSlackClient({ botToken: BOT_TOKEN, apiUrl: slack.apiUrl }),
  });
}, 60_000);

afterAll(async () => {
  await worker?.close();
  for (const q of worker?.delivery?.queues.values() ?? []) await q.obliterate({ force: true }).catch(() => {});
  await workerDb?.close();
  await twilio?.close();
  await slack?.close();
  await world?.close();
});

// ---- helpers -----------------------------------------------------------------

const pagesTo = (number: string) => twilio.messages.filter((m) => m.to === number && !m.body.includes('verification code'));
const text = (c: FakeSlackCall) => JSON.stringify(c.args.blocks ?? '') + String(c.args.text ?? '');
/** the incident's top-level post in `channel` (not thread replies) */
const postsIn = (channel: string, incidentNumber: number) =>
  slack.callsOf('chat.postMessage').filter((c) => c.args.channel === channel && !c.args.thread_ts && text(c).includes(`#${incidentNumber} `));
const updatesOf = (channel: string, ts: string) => slack.callsOf('chat.update').filter((c) => c.args.channel === channel && c.args.ts === ts);

async function method(p: Person, type: string, value: string, delayMinutes: number): Promise<string> {
  const m = await world.api.admin('POST', `/api/v1/users/${p.id}/contact-methods`, { type, value });
  expect(m.status, JSON.stringify(m.body)).toBe(201);
  const id = m.body.id as string;
  if (type === 'sms' || type === 'voice') {
    // a phone number pages only once verified with the code Twilio carried
    const code = await eventually(`the verification code for ${value}`, async () => {
      const sent = type === 'sms' ? twilio.messages.find((x) => x.to === value)?.body : twilio.calls.find((c) => c.to === value)?.twiml;
      return /(\d)[, ]*(\d)[, ]*(\d)[, ]*(\d)[, ]*(\d)[, ]*(\d)/.exec(sent ?? '')?.slice(1).join('');
    });
    const v = await world.api.admin('POST', `/api/v1/users/${p.id}/contact-methods/${id}/verify`, { code });
    expect(v.status, JSON.stringify(v.body)).toBe(200);
  }
  const rule = await world.api.admin('POST', `/api/v1/users/${p.id}/notification-rules`, { contactMethodId: id, delayMinutes });
  expect(rule.status, JSON.stringify(rule.body)).toBe(201);
  return id;
}

async function linkSlack(p: Person, slackUserId: string): Promise<void> {
  const res = await world.api.admin('PATCH', `/api/v1/users/${p.id}`, { slackUserId });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** a button click in `channel` on the message at `ts`, signed as Slack signs it */
async function click(slackUserId: string, actionId: string, incidentId: string, channel: string, ts: string) {
  const payload = {
    type: 'block_actions',
    user: { id: slackUserId, username: slackUserId.toLowerCase(), team_id: 'T0001' },
    team: { id: 'T0001', domain: 'acme' },
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
    channel: { id: channel, name: 'ops' },
    message: { ts },
    response_url: slack.responseUrl(`${actionId}-${incidentId}`),
    actions: [{ type: 'button', action_id: actionId, block_id: `incident:${incidentId}`, value: incidentId, action_ts: `${ts}1` }],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const stamp = String(Math.floor(world.clock.now().getTime() / 1000));
  const res = await fetch(`${world.api.baseUrl}/api/v1/slack/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': stamp, 'x-slack-signature': slackSignature(SLACK_SECRET, stamp, body) },
    body,
  });
  return { status: res.status, text: await res.text() };
}

async function incidentStatus(id: string): Promise<string> {
  return (await world.api.admin('GET', `/api/v1/incidents/${id}`)).body.status as string;
}

async function deliveries(incidentId: string) {
  const r = await world.api.db.pool.query<{ channel: string; status: string }>(
    `SELECT d.channel, d.status::text AS status FROM deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.incident_id = $1 ORDER BY d.created_at, d.channel`,
    [incidentId],
  );
  return r.rows;
}

/** the remembered Slack message of the incident in `channel`, once posted */
async function slackMessage(incidentId: string, channel: string): Promise<string> {
  return eventually(`the Slack message in ${channel} remembered`, async () => {
    const r = await world.api.db.pool.query<{ ts: string | null }>(`SELECT ts FROM slack_messages WHERE incident_id = $1 AND channel_id = $2 AND ts IS NOT NULL`, [incidentId, channel]);
    return r.rows[0]?.ts ?? undefined;
  });
}

/** waits until every Slack message of the incident has synced its latest timeline entry */
async function slackCaughtUp(incidentId: string): Promise<void> {
  await eventually('the Slack messages in sync with the timeline', async () => {
    const r = await world.api.db.pool.query<{ behind: number }>(`SELECT count(*)::int AS behind FROM slack_messages WHERE incident_id = $1 AND wanted_seq > synced_seq`, [incidentId]);
    return r.rows[0]!.behind === 0;
  });
}

// ---- the story -----------------------------------------------------------------

describe('one incident across SMS, Slack and the API', () => {
  it('paged by SMS and Slack; an SMS reply acknowledges and Slack says so in place; escalation stops; a Slack click resolves and the SMS user hears nothing more', async () => {
    const alice = world.people.alice;
    const bob = world.people.bob;
    const carol = world.people.carol;
    const number = '+14155550301';
    await method(alice, 'sms', number, 0);
    await method(alice, 'slack', 'U0ALICE', 0);
    await linkSlack(bob, 'U0BOB');
    const policyId = await world.policy([
      { delayMinutes: 10, targets: [{ type: 'user', id: alice.id }, { type: 'slackChannel', id: 'C0OPS' }] },
      { delayMinutes: 10, targets: [{ type: 'user', id: carol.id }] },
    ]);
    const incident = await world.trigger((await world.service({ policyId })).key);

    // 1. paged everywhere: the SMS with its reply code, the channel post, the DM
    const [sms] = await eventually('the SMS page', async () => (pagesTo(number).length ? pagesTo(number) : undefined));
    expect(sms!.body).toContain(`Heinrich #${incident.number}:`);
    const code = /Reply (\d+)a to ack/.exec(sms!.body)?.[1];
    expect(code, sms!.body).toBeDefined();
    const channelTs = await slackMessage(incident.id, 'C0OPS');
    const dmTs = await slackMessage(incident.id, 'D0ALICE');
    expect(postsIn('C0OPS', incident.number)).toHaveLength(1);
    expect(postsIn('D0ALICE', incident.number)).toHaveLength(1);
    expect(JSON.stringify(postsIn('C0OPS', incident.number)[0]!.args.blocks)).toContain('"action_id":"incident_ack"');
    await eventually('the SMS and Slack deliveries sent', async () => {
      const d = await deliveries(incident.id);
      return d.some((x) => x.channel === 'sms' && x.status === 'sent') && d.some((x) => x.channel === 'slack' && x.status === 'sent');
    });

    // 2. the SMS reply acknowledges as Alice via sms ...
    const reply = await twilio.inboundSms(SMS_WEBHOOK, number, `${code}a`);
    expect(reply.status).toBe(200);
    expect(reply.text).toContain(`Incident ${incident.number} acknowledged.`);
    expect(await incidentStatus(incident.id)).toBe('acknowledged');
    const [ack] = await world.timeline(incident.id, ['acknowledged']);
    expect(ack!.message).toBe('Acknowledged by Alice via sms');

    // ... and both Slack messages say so in place, the Acknowledge button gone
    for (const [channel, ts] of [['C0OPS', channelTs], ['D0ALICE', dmTs]] as const) {
      const update = await eventually(`chat.update of ${channel} after the SMS ack`, async () =>
        updatesOf(channel, ts).find((c) => text(c).includes('Acknowledged by Alice via SMS')),
      ).catch(async (err: unknown) => {
        const rows = await world.api.db.pool.query(`SELECT channel_id, ts, status, wanted_seq, synced_seq FROM slack_messages WHERE incident_id = $1`, [incident.id]);
        throw new Error(`${(err as Error).message}; slack_messages ${JSON.stringify(rows.rows)}; updates ${JSON.stringify(slack.callsOf('chat.update').map((c) => [c.args.channel, c.args.ts, c.args.text]))}`);
      });
      // "at" the time of the ack, shown in each reader's time zone
      expect(JSON.stringify(update.args.blocks)).toMatch(/Acknowledged by Alice via SMS at <!date\^\d+\^\{time\}\|\d\d:\d\d UTC>/);
      expect(JSON.stringify(update.args.blocks)).not.toContain('"action_id":"incident_ack"');
      expect(JSON.stringify(update.args.blocks)).toContain('"action_id":"incident_resolve"');
    }
    await eventually('the ack in the channel thread', async () =>
      slack.callsOf('chat.postMessage').find((c) => c.args.channel === 'C0OPS' && c.args.thread_ts === channelTs && String(c.args.text).includes('Acknowledged by Alice')),
    );
    // updated in place: still one top-level post per channel
    expect(postsIn('C0OPS', incident.number)).toHaveLength(1);
    expect(postsIn('D0ALICE', incident.number)).toHaveLength(1);

    // escalation stops: past step 1's delay nothing more is paged (Carol, step 2, never is)
    world.clock.advanceMinutes(11);
    await world.runDue();
    expect((await world.escalation(incident.id))?.status).toBe('stopped'); // no ack timeout on this service
    expect((await world.pages(incident.id)).map((p) => [p.userId, p.step])).toEqual([[alice.id, 0]]); // steps count from 0
    expect(await world.timeline(incident.id, ['escalated'])).toEqual([]);

    // 3. Bob clicks Resolve on the channel post (signed like Slack)
    const smsBefore = pagesTo(number).length;
    const resolved = await click('U0BOB', 'incident_resolve', incident.id, 'C0OPS', channelTs);
    expect(resolved.status).toBe(200);
    expect(await incidentStatus(incident.id)).toBe('resolved');
    const [res] = await world.timeline(incident.id, ['resolved']);
    expect(res!.message).toBe('Resolved by Bob (Slack user U0BOB) via slack');
    for (const [channel, ts] of [['C0OPS', channelTs], ['D0ALICE', dmTs]] as const) {
      const update = await eventually(`${channel} shows resolved`, async () => updatesOf(channel, ts).find((c) => text(c).includes('[RESOLVED]')));
      const blocks = JSON.stringify(update.args.blocks);
      expect(blocks).toContain('Resolved by Bob');
      for (const id of ['incident_ack', 'incident_resolve', 'incident_escalate']) expect(blocks).not.toContain(`"action_id":"${id}"`);
    }
    await slackCaughtUp(incident.id);
    // the SMS user gets nothing further: no new message to Twilio, and nothing pending that could send one
    world.clock.advanceMinutes(30);
    await world.runDue();
    await worker.delivery!.kick();
    expect(pagesTo(number)).toHaveLength(smsBefore);
    expect(pagesTo(number)).toHaveLength(1);
    const left = (await deliveries(incident.id)).filter((d) => !['sent', 'delivered', 'failed', 'cancelled', 'unavailable'].includes(d.status));
    expect(left).toEqual([]);
  });

  it('a voice keypress 4 acknowledges and the Slack post says so in place', async () => {
    const dave = world.people.dave;
    const number = '+14155550302';
    await method(dave, 'voice', number, 0);
    const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: dave.id }, { type: 'slackChannel', id: 'C0VOICE' }] }]);
    const incident = await world.trigger((await world.service({ policyId })).key);
    const ts = await slackMessage(incident.id, 'C0VOICE');

    const call = await eventually('the call', async () => twilio.calls.find((c) => c.to === number && c.url));
    const answered = await twilio.answer(call);
    expect(answered.status).toBe(200);
    const pressed = await twilio.press(call, answered.text, '4');
    expect(pressed.text).toContain(`Incident ${incident.number} acknowledged.`);
    expect(await incidentStatus(incident.id)).toBe('acknowledged');
    const [ack] = await world.timeline(incident.id, ['acknowledged']);
    expect(ack!.message).toBe('Acknowledged by Dave via voice');

    const update = await eventually('chat.update after the keypress', async () => updatesOf('C0VOICE', ts).find((c) => text(c).includes('Acknowledged by Dave via voice call')));
    expect(JSON.stringify(update.args.blocks)).not.toContain('"action_id":"incident_ack"');
    expect(postsIn('C0VOICE', incident.number)).toHaveLength(1);
  });

  it('a Slack Escalate click pages the next step by SMS at once; an ack in the web UI updates Slack; the late SMS reply changes nothing', async () => {
    const lena = world.people.lena;
    const carol = world.people.carol;
    const number = '+14155550303';
    await method(carol, 'sms', number, 0);
    await linkSlack(lena, 'U0LENA');
    const fay = await world.api.createUser({ name: 'Fay', teams: { [world.team.id]: 'responder' } });
    const policyId = await world.policy([
      { delayMinutes: 10, targets: [{ type: 'user', id: lena.id }, { type: 'slackChannel', id: 'C0ESC' }] },
      { delayMinutes: 10, targets: [{ type: 'user', id: carol.id }] },
    ]);
    const incident = await world.trigger((await world.service({ policyId })).key);
    const ts = await slackMessage(incident.id, 'C0ESC');
    expect(pagesTo(number).filter((m) => m.body.includes(`Heinrich #${incident.number}:`))).toEqual([]);

    // Lena escalates from the channel: step 2 (Carol, by SMS) is paged now, without waiting for the delay
    const esc = await click('U0LENA', 'incident_escalate', incident.id, 'C0ESC', ts);
    expect(esc.status).toBe(200);
    const sms = await eventually("Carol's SMS page", async () => pagesTo(number).find((m) => m.body.includes(`Heinrich #${incident.number}:`)));
    const code = /Reply (\d+)a to ack/.exec(sms.body)?.[1];
    expect(code, sms.body).toBeDefined();
    expect((await world.pages(incident.id)).map((p) => [p.userId, p.step])).toEqual([[lena.id, 0], [carol.id, 1]]);
    // the post names who is paged now, and the thread says it was escalated
    await eventually('the post showing Carol paged', async () => updatesOf('C0ESC', ts).find((c) => JSON.stringify(c.args.blocks).includes('Carol')));
    await eventually('the escalation in the thread', async () =>
      slack.callsOf('chat.postMessage').find((c) => c.args.channel === 'C0ESC' && c.args.thread_ts === ts && /escalat/i.test(String(c.args.text))),
    );

    // Fay acknowledges in the web UI (her session cookie): Slack says so in place
    const ack = await fay.call('POST', `/api/v1/incidents/${incident.id}/acknowledge`);
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    const [event] = await world.timeline(incident.id, ['acknowledged']);
    expect(event!.message).toBe('Acknowledged by Fay via ui');
    const update = await eventually('chat.update after the web ack', async () => updatesOf('C0ESC', ts).find((c) => text(c).includes('Acknowledged by Fay via web')));
    expect(JSON.stringify(update.args.blocks)).not.toContain('"action_id":"incident_ack"');

    // Carol's late SMS reply is told, and changes nothing
    const late = await twilio.inboundSms(SMS_WEBHOOK, number, `${code}a`);
    expect(late.text).toContain(`Incident ${incident.number} was already acknowledged.`);
    expect(await world.timeline(incident.id, ['acknowledged'])).toHaveLength(1);
    await slackCaughtUp(incident.id);
    expect(postsIn('C0ESC', incident.number)).toHaveLength(1);
  });

  it("acknowledged in Slack before the SMS rule's delay: the SMS never goes (while the same delay pages an incident left open)", async () => {
    const gus = await world.api.db.prisma.user.create({ data: { name: 'Gus', email: `gus-${Date.now()}@example.test`, slackUserId: 'U0GUS' } });
    await world.api.db.prisma.teamMember.create({ data: { teamId: world.team.id, userId: gus.id, role: 'responder' } });
    const person = { id: gus.id, name: 'Gus' };
    const number = '+14155550304';
    await method(person, 'slack', 'U0GUS', 0);
    await method(person, 'sms', number, 5);
    const policyId = await world.policy([{ delayMinutes: 30, targets: [{ type: 'user', id: gus.id }] }]);
    const { key } = await world.service({ policyId });
    const acked = await world.trigger(key);
    const open = await world.trigger(key);
    const dmTs = await slackMessage(acked.id, 'D0GUS');
    await slackMessage(open.id, 'D0GUS');

    // Gus acknowledges the first from his DM
    expect((await click('U0GUS', 'incident_ack', acked.id, 'D0GUS', dmTs)).status).toBe(200);
    expect(await incidentStatus(acked.id)).toBe('acknowledged');
    await eventually('the DM updated in place', async () => updatesOf('D0GUS', dmTs).find((c) => text(c).includes('Acknowledged by Gus')));

    // five minutes on, the SMS rule falls due: the open incident is texted, the acknowledged one is not
    world.clock.advanceMinutes(6);
    await world.runDue();
    await worker.delivery!.kick();
    // the SMS jobs wait in BullMQ for real minutes (their delay was reckoned on the test clock): time passes for Redis too
    await eventually('the SMS of the open incident', async () => {
      await worker.delivery!.queues.get('sms')!.promoteJobs();
      return pagesTo(number).find((m) => m.body.includes(`Heinrich #${open.number}:`));
    });
    await eventually("the acknowledged incident's SMS delivery settled", async () => {
      const sms = (await deliveries(acked.id)).filter((d) => d.channel === 'sms');
      return sms.length > 0 && sms.every((d) => d.status === 'cancelled');
    }).catch(async (err: unknown) => {
      throw new Error(`${(err as Error).message}: ${JSON.stringify(await deliveries(acked.id))}`);
    });
    expect(pagesTo(number).filter((m) => m.body.includes(`Heinrich #${acked.number}:`))).toEqual([]);
  });
});
