// Slack messages through real Postgres, Redis, api, engine and delivery, with
// the real @slack/web-api client pointed at a fake Slack Web API on loopback
// (SLACK_API_URL): a channel target posts the incident message; a Slack
// contact method DMs it; an acknowledgement made through the API updates both
// in place and follows up in their threads; hostile alert text is escaped; a
// 429 waits for its Retry-After without holding up other channels.
import { loadWorkerConfig } from '@heinrich/config/load-config';
import { createLogger } from '@heinrich/config/logger';
import { buildSenders } from '@heinrich/providers/build-senders';
import { createSlackClient } from '@heinrich/providers/slack/create-slack-client';
import { startFakeSlackServer, type FakeSlackCall, type FakeSlackServer } from '@heinrich/providers/slack/fake-slack-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDelivery, type DeliveryRuntime } from '../../apps/worker/src/start-delivery';
import { startSlackSync, type SlackSyncRuntime } from '../../apps/worker/src/start-slack-sync';
import { startFakeWebhook } from '../delivery/fake-webhook';
import { startEscalationWorld, type EscalationWorld, type Person } from '../escalation/escalation-world';
import { eventually } from '../worker/eventually';

const PUBLIC_URL = 'https://heinrich.example.com';
let world: EscalationWorld;
let slack: FakeSlackServer;
let hook: Awaited<ReturnType<typeof startFakeWebhook>>;
let delivery: DeliveryRuntime;
let sync: SlackSyncRuntime;

beforeAll(async () => {
  world = await startEscalationWorld();
  slack = await startFakeSlackServer();
  hook = await startFakeWebhook();
  const config = loadWorkerConfig({
    DATABASE_URL: world.api.databaseUrl,
    REDIS_URL: world.api.redisUrl,
    REDIS_PREFIX: world.api.redisPrefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DELIVERY_BACKOFF_MS: '100',
    DELIVERY_ATTEMPTS: '5',
    DELIVERY_SWEEP_INTERVAL_MS: '200',
    DELIVERY_LOST_AFTER_MS: '0',
    PUBLIC_URL,
    // the fake webhook receiver is on loopback
    WEBHOOK_ALLOW_PRIVATE: 'true',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: slack.apiUrl,
  });
  const logger = createLogger({ name: 'test-slack', level: config.logLevel });
  // startDelivery wraps the slack channel: its DM is the full incident message, remembered for updates
  const senders = buildSenders(config, logger, world.clock.now);
  delivery = await startDelivery({ config, logger, db: world.api.db, senders, now: world.clock.now });
  sync = await startSlackSync({
    db: world.api.db,
    logger,
    databaseUrl: world.api.databaseUrl,
    sync: { slack: createSlackClient({ botToken: 'xoxb-test-token', apiUrl: slack.apiUrl }), publicUrl: PUBLIC_URL },
    sweepIntervalMs: 200,
    catchUpEveryMs: 0,
  });
}, 60_000);

afterAll(async () => {
  await sync?.close();
  await delivery?.close();
  for (const q of delivery?.queues.values() ?? []) await q.obliterate({ force: true }).catch(() => {});
  await hook?.close();
  await slack?.close();
  await world?.close();
});

async function slackMethod(p: Person, memberId: string, delayMinutes = 0): Promise<void> {
  const m = await world.api.admin('POST', `/api/v1/users/${p.id}/contact-methods`, { type: 'slack', value: memberId });
  expect(m.status, JSON.stringify(m.body)).toBe(201);
  expect((await world.api.admin('POST', `/api/v1/users/${p.id}/notification-rules`, { contactMethodId: m.body.id, delayMinutes })).status).toBe(201);
}

const text = (c: FakeSlackCall) => JSON.stringify(c.args.blocks ?? '') + String(c.args.text ?? '');
const posts = (channel: string, incidentNumber: number) =>
  slack.callsOf('chat.postMessage').filter((c) => c.args.channel === channel && !c.args.thread_ts && text(c).includes(`#${incidentNumber} `));

describe('Slack messages', () => {
  it('a channel target posts the incident; an ack through the API updates it in place and follows up in the thread', async () => {
    const bob = world.people.bob;
    const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: bob.id }, { type: 'slackChannel', id: 'C0PAGING' }] }]);
    const { key } = await world.service({ policyId });
    const incident = await world.trigger(key);

    const [post] = await eventually('the channel post', async () => (posts('C0PAGING', incident.number).length > 0 ? posts('C0PAGING', incident.number) : undefined));
    expect(post!.token).toBe('xoxb-test-token');
    const blocks = JSON.stringify(post!.args.blocks);
    expect(blocks).toContain(`#${incident.number} Disk full`);
    expect(blocks).toContain('Bob'); // paged now
    expect(blocks).toContain(`<${PUBLIC_URL}/incidents/${incident.number}|Incident #${incident.number}>`);
    for (const id of ['incident_ack', 'incident_resolve', 'incident_escalate']) expect(blocks).toContain(`"action_id":"${id}"`);
    expect(blocks).toContain(`"value":"${incident.id}"`);
    const row = await eventually('the post remembered', async () => {
      const r = await world.api.db.pool.query(`SELECT status, channel_id, ts FROM slack_messages WHERE incident_id = $1`, [incident.id]);
      return r.rows[0]?.status === 'posted' ? r.rows : undefined;
    });
    expect(row).toEqual([{ status: 'posted', channel_id: 'C0PAGING', ts: expect.any(String) }]);
    const ts = row[0].ts as string;

    expect((await world.api.admin('POST', `/api/v1/incidents/${incident.id}/acknowledge`)).status).toBe(200);
    const update = await eventually('chat.update after the ack', async () =>
      slack.callsOf('chat.update').find((c) => c.args.channel === 'C0PAGING' && c.args.ts === ts && text(c).includes('Acknowledged by the admin API key via API')),
    );
    const updated = JSON.stringify(update.args.blocks);
    expect(updated).not.toContain('"action_id":"incident_ack"');
    expect(updated).toContain('"action_id":"incident_resolve"');
    await eventually('the ack in the thread', async () =>
      slack.callsOf('chat.postMessage').find((c) => c.args.thread_ts === ts && String(c.args.text).includes('Acknowledged by the admin API key via api')),
    );

    expect((await world.api.admin('POST', `/api/v1/incidents/${incident.id}/resolve`)).status).toBe(200);
    await eventually('the resolution in place and in the thread', async () => {
      const inPlace = slack.callsOf('chat.update').some((c) => c.args.ts === ts && text(c).includes('[RESOLVED]'));
      const inThread = slack.callsOf('chat.postMessage').some((c) => c.args.thread_ts === ts && String(c.args.text).includes('Resolved by'));
      return inPlace && inThread;
    });
    // one post per channel and incident, however often it was synced
    expect(posts('C0PAGING', incident.number)).toHaveLength(1);
  });

  it('timeline rows the catalog does not know are no follow-up and hold nothing up; a follow-up type with odd data still posts its message', async () => {
    const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: world.people.bob.id }, { type: 'slackChannel', id: 'C0ODD' }] }]);
    const incident = await world.trigger((await world.service({ policyId })).key);
    const ts = await eventually('the post synced', async () => {
      const r = await world.api.db.pool.query(`SELECT ts FROM slack_messages WHERE incident_id = $1 AND status = 'posted' AND wanted_seq = synced_seq`, [incident.id]);
      return r.rows[0]?.ts as string | undefined;
    });
    // an older row of a type no longer written, and a follow-up type whose data does not match the catalog
    await world.api.db.pool.query(
      `INSERT INTO incident_events (id, incident_id, type, message, actor, via, data) VALUES
         (gen_random_uuid(), $1, 'paged_by_pigeon', 'A pigeon flew off', 'system', NULL, '{"pigeon": true}'),
         (gen_random_uuid(), $1, 'alerts_added', '2 alerts added by hand', 'system', NULL, '{"fingerprints": "not a list"}')`,
      [incident.id],
    );
    expect((await world.api.admin('POST', `/api/v1/incidents/${incident.id}/acknowledge`)).status).toBe(200);
    await eventually('the ack in the thread', async () =>
      slack.callsOf('chat.postMessage').find((c) => c.args.thread_ts === ts && String(c.args.text).includes('Acknowledged by the admin API key via api')),
    );
    const thread = slack.callsOf('chat.postMessage').filter((c) => c.args.thread_ts === ts).map((c) => String(c.args.text));
    expect(thread).toContain(':heavy_plus_sign: 2 alerts added by hand');
    expect(thread.some((t) => t.includes('pigeon'))).toBe(false);
    const r = await world.api.db.pool.query(`SELECT status, error FROM slack_messages WHERE incident_id = $1`, [incident.id]);
    expect(r.rows).toEqual([{ status: 'posted', error: null }]);
  });

  it('catches up with a timeline entry that committed after a later one (seq out of order)', async () => {
    const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: world.people.bob.id }, { type: 'slackChannel', id: 'C0LATE' }] }]);
    const incident = await world.trigger((await world.service({ policyId })).key);
    await eventually('the post synced', async () => {
      const r = await world.api.db.pool.query(`SELECT status FROM slack_messages WHERE incident_id = $1 AND status = 'posted' AND wanted_seq = synced_seq`, [incident.id]);
      return r.rowCount === 1;
    });
    // as if the newest entry had committed late: the message shows less than the timeline, and nothing flagged it
    await world.api.db.pool.query(
      `UPDATE slack_messages SET synced_seq = synced_seq - 1, wanted_seq = synced_seq - 1 WHERE incident_id = $1`,
      [incident.id],
    );
    const before = slack.callsOf('chat.update').filter((c) => c.args.channel === 'C0LATE').length;
    await eventually('the message updated again', async () => slack.callsOf('chat.update').filter((c) => c.args.channel === 'C0LATE').length > before);
  });

  it('a silence shows until when and by whom, offers Unsilence, and is followed up in the thread', async () => {
    const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: world.people.bob.id }, { type: 'slackChannel', id: 'C0SIL' }] }]);
    const incident = await world.trigger((await world.service({ policyId })).key);
    const ts = await eventually('the post', async () => {
      const r = await world.api.db.pool.query(`SELECT ts FROM slack_messages WHERE incident_id = $1 AND status = 'posted'`, [incident.id]);
      return r.rows[0]?.ts as string | undefined;
    });
    // what silenceIncident commits (its Alertmanager part is tested with the real Alertmanager in test/slack/silence*)
    const endsAt = new Date(Date.now() + 3600_000);
    await world.api.db.pool.query(
      `INSERT INTO incident_silences (id, incident_id, open_for, alertmanager_url, silence_id, starts_at, ends_at, created_by, created_by_name)
       VALUES (gen_random_uuid(), $1, $1, 'http://alertmanager.test', 'am-1', now(), $2, 'user:x', 'Alice')`,
      [incident.id, endsAt],
    );
    await world.api.db.pool.query(
      `INSERT INTO incident_events (id, incident_id, type, message, actor, via) VALUES (gen_random_uuid(), $1, 'silenced', 'Silenced for 1 h by Alice via slack', 'user:x', 'slack')`,
      [incident.id],
    );
    const update = await eventually('the silence in place', async () => slack.callsOf('chat.update').find((c) => c.args.ts === ts && text(c).includes('Silenced until')));
    const blocks = JSON.stringify(update.args.blocks);
    expect(blocks).toContain(`Silenced until <!date^${Math.floor(endsAt.getTime() / 1000)}^{time}|`);
    expect(blocks).toContain('by Alice');
    expect(blocks).toContain('"action_id":"incident_unsilence"');
    expect(blocks).not.toContain('"action_id":"incident_silence"');
    await eventually('the silence in the thread', async () =>
      slack.callsOf('chat.postMessage').find((c) => c.args.thread_ts === ts && String(c.args.text) === ':no_bell: Silenced for 1 h by Alice via slack'),
    );
  });

  it('a Slack contact method DMs the incident message, kept true in place', async () => {
    const carol = world.people.carol;
    await slackMethod(carol, 'U0CAROL');
    const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: carol.id }] }]);
    const incident = await world.trigger((await world.service({ policyId })).key);

    const dm = await eventually('the DM', async () => posts('D0CAROL', incident.number)[0]).catch(async (err: unknown) => {
      const d = await world.api.db.pool.query(`SELECT d.channel, d.status::text, d.error, d.history FROM deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.incident_id = $1`, [incident.id]);
      throw new Error(`${(err as Error).message}; deliveries ${JSON.stringify(d.rows)}; timeline ${JSON.stringify(await world.timeline(incident.id))}`);
    });
    expect(slack.callsOf('conversations.open').some((c) => c.args.users === 'U0CAROL')).toBe(true);
    expect(String(dm.args.text)).toContain('You are paged');
    expect(JSON.stringify(dm.args.blocks)).toContain('"action_id":"incident_ack"');
    const sent = await eventually('the delivery recorded sent', async () => {
      const r = await world.api.db.pool.query(
        `SELECT d.status::text, d.provider_id FROM deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.incident_id = $1 AND d.channel = 'slack'`,
        [incident.id],
      );
      return r.rows[0]?.status === 'sent' ? r.rows[0] : undefined;
    });
    expect(sent.provider_id).toMatch(/^D0CAROL\//);

    expect((await world.api.admin('POST', `/api/v1/incidents/${incident.id}/acknowledge`)).status).toBe(200);
    await eventually('the DM updated in place', async () =>
      slack.callsOf('chat.update').find((c) => c.args.channel === 'D0CAROL' && text(c).includes('Acknowledged by the admin API key via API')),
    ).catch(async (err: unknown) => {
      const r = await world.api.db.pool.query(`SELECT * FROM slack_messages WHERE incident_id = $1`, [incident.id]);
      throw new Error(`${(err as Error).message}: ${JSON.stringify(r.rows)} ${JSON.stringify(slack.callsOf('chat.update').map((c) => [c.args.channel, c.args.text]))}`);
    });
  });

  it('escapes hostile alert text: no mention, no link', async () => {
    const dave = world.people.dave;
    const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: dave.id }, { type: 'slackChannel', id: 'C0HOSTILE' }] }]);
    const { key } = await world.service({ policyId });
    const res = await world.api.post('/api/v1/integrations/events', {
      routing_key: key,
      event_action: 'trigger',
      dedup_key: 'hostile',
      payload: { summary: 'Disk <!channel> <@U123> <http://x|y> & more', source: 'db-1', severity: 'critical' },
    });
    expect(res.status).toBe(202);
    const post = await eventually('the hostile post', async () => slack.callsOf('chat.postMessage').find((c) => c.args.channel === 'C0HOSTILE'));
    const all = JSON.stringify(post.args);
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('<@U123>');
    expect(all).not.toContain('<http://x|y>');
    expect(all).toContain('&lt;!channel&gt; &lt;@U123&gt; &lt;http://x|y&gt; &amp; more');
  });

  it("a 429 waits for Slack's Retry-After through the slack queue; other channels are not held up", async () => {
    const alice = world.people.alice;
    const lena = world.people.lena;
    await slackMethod(alice, 'U0ALICE');
    const webhook = await world.api.admin('POST', `/api/v1/users/${lena.id}/contact-methods`, { type: 'webhook', value: hook.url });
    expect((await world.api.admin('POST', `/api/v1/users/${lena.id}/notification-rules`, { contactMethodId: webhook.body.id, delayMinutes: 0 })).status).toBe(201);

    slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 2 }, 1, (args) => args.channel === 'D0ALICE');
    const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: alice.id }, { type: 'user', id: lena.id }] }]);
    const incident = await world.trigger((await world.service({ policyId })).key);
    const started = Date.now();

    const throttled = await eventually('the throttled DM attempt', async () => slack.callsOf('chat.postMessage').find((c) => c.args.channel === 'D0ALICE' && text(c).includes(`#${incident.number} `)));
    await eventually('the webhook call, not held up by Slack', async () =>
      hook.calls.find((c) => (JSON.parse(c.body) as { incident: { id: string } }).incident.id === incident.id),
    );
    const webhookAt = Date.now();
    const dms = await eventually('the DM after Retry-After', async () => {
      const list = posts('D0ALICE', incident.number);
      return list.length >= 2 ? list : undefined;
    });
    expect(dms).toHaveLength(2); // the throttled try and the one that went through: one DM delivered
    expect(dms[1]!.at.getTime() - throttled.at.getTime()).toBeGreaterThanOrEqual(1900);
    expect(webhookAt - started).toBeLessThan(dms[1]!.at.getTime() - started);
    const r = await world.api.db.pool.query(
      `SELECT d.status::text, d.attempts FROM deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.incident_id = $1 AND d.channel = 'slack'`,
      [incident.id],
    );
    await eventually('the slack delivery sent', async () => {
      const again = await world.api.db.pool.query(
        `SELECT d.status::text FROM deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.incident_id = $1 AND d.channel = 'slack'`,
        [incident.id],
      );
      return again.rows[0]?.status === 'sent';
    });
    expect(r.rows).toHaveLength(1);
  });

  it('a channel post still pending over an hour after its incident resolved is dropped, not posted', async () => {
    const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: world.people.bob.id }] }]);
    const incident = await world.trigger((await world.service({ policyId })).key);
    expect((await world.api.admin('POST', `/api/v1/incidents/${incident.id}/resolve`)).status).toBe(200);
    // as if Slack had been out for two hours since
    await world.api.db.pool.query(`UPDATE incident_events SET created_at = now() - interval '2 hours' WHERE incident_id = $1 AND type = 'resolved'`, [incident.id]);
    await world.api.db.pool.query(`INSERT INTO slack_messages (id, incident_id, kind, target, key) VALUES (gen_random_uuid(), $1, 'channel', 'C0OLD', 'channel:C0OLD')`, [incident.id]);
    const [entry] = await eventually('the drop on the timeline', async () => {
      const t = await world.timeline(incident.id, ['slack_failed']);
      return t.length > 0 ? t : undefined;
    });
    expect(entry!.message).toMatch(/^Slack channel C0OLD: not posted \(the incident was resolved at .*, over an hour before it could be posted\)$/);
    expect(slack.callsOf('chat.postMessage').filter((c) => c.args.channel === 'C0OLD')).toEqual([]);
  });

  it('a channel Slack refuses (channel_not_found) is given up with a timeline entry', async () => {
    slack.failNext('chat.postMessage', { error: 'channel_not_found' }, 1, (args) => args.channel === 'C0GONE');
    const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: world.people.bob.id }, { type: 'slackChannel', id: 'C0GONE' }] }]);
    const incident = await world.trigger((await world.service({ policyId })).key);
    const [entry] = await eventually('the failure on the timeline', async () => {
      const t = await world.timeline(incident.id, ['slack_failed']);
      return t.length > 0 ? t : undefined;
    });
    expect(entry!.message).toBe('Slack channel C0GONE: not posted (Slack chat.postMessage to C0GONE: channel_not_found)');
    await sync.kick();
    expect(slack.callsOf('chat.postMessage').filter((c) => c.args.channel === 'C0GONE')).toHaveLength(1);
  });
});
