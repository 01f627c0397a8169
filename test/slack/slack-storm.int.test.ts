// Storm mode in Slack (docs/noise.md "Storm mode", docs/slack.md "Storms"),
// through real Postgres, Redis, api, engine and the Slack sync, with the real
// @slack/web-api client pointed at the fake Slack Web API: the channel of the
// service's policy gets ONE storm message (the storm page's), updated in place
// as incidents join (counts, latest incidents, a link to the storm); held
// incidents post nothing of their own; the storm's end updates it with the totals.
import { randomUUID } from 'node:crypto';
import { loadWorkerConfig } from '@heinrich/config/load-config';
import { createLogger } from '@heinrich/config/logger';
import { createSlackClient } from '@heinrich/providers/slack/create-slack-client';
import { startFakeSlackServer, type FakeSlackCall, type FakeSlackServer } from '@heinrich/providers/slack/fake-slack-server';
import { endQuietStorms } from '@heinrich/usecases/storms/end-quiet-storms';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSlackSync, type SlackSyncRuntime } from '../../apps/worker/src/start-slack-sync';
import { startEscalationWorld, type EscalationWorld } from '../escalation/escalation-world';
import { eventually } from '../worker/eventually';

const PUBLIC_URL = 'https://heinrich.example.com';
let world: EscalationWorld;
let slack: FakeSlackServer;
let sync: SlackSyncRuntime;

beforeAll(async () => {
  world = await startEscalationWorld();
  slack = await startFakeSlackServer();
  const config = loadWorkerConfig({
    DATABASE_URL: world.api.databaseUrl,
    REDIS_URL: world.api.redisUrl,
    REDIS_PREFIX: world.api.redisPrefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PUBLIC_URL,
  });
  const logger = createLogger({ name: 'test-slack-storm', level: config.logLevel });
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
  await slack?.close();
  await world?.close();
});

const text = (c: FakeSlackCall) => JSON.stringify(c.args.blocks ?? '') + String(c.args.text ?? '');
const topLevel = (channel: string) => slack.callsOf('chat.postMessage').filter((c) => c.args.channel === channel && !c.args.thread_ts);

it('one storm message per channel, updated in place as incidents join, and with the totals at its end', async () => {
  const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: world.people.bob.id }, { type: 'slackChannel', id: 'C0STORM' }] }]);
  // the 3rd incident within 5 minutes starts a storm
  const { id: serviceId, key } = await world.service({ policyId, noise: { storm: { incidents: 2 } } });
  const db = world.api.db.pool;
  const numbers: number[] = [];
  for (let i = 0; i < 6; i++) {
    const res = await world.api.post('/api/v1/integrations/events', {
      routing_key: key,
      event_action: 'trigger',
      dedup_key: randomUUID(),
      payload: { summary: i % 2 === 0 ? 'Disk full' : 'Pod crash looping', source: `node-${i}`, severity: 'critical' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    numbers.push(res.body.incident_number as number);
    // each decided before the next opens: the storm starts at the 3rd
    await eventually(`the worker to decide incident ${i + 1}`, async () => {
      const r = await db.query(
        `SELECT count(DISTINCT i.id)::int AS n FROM incidents i JOIN incident_events e ON e.incident_id = i.id
          WHERE i.service_id = $1 AND e.type IN ('escalation_started', 'escalation_not_started', 'storm_held')`,
        [serviceId],
      );
      return r.rows[0].n === i + 1;
    });
  }
  const storm = (await db.query(`SELECT id, started_by_incident_id AS "pageId" FROM storms WHERE service_id = $1`, [serviceId])).rows[0];
  const pageNumber = numbers[2]!;

  // the storm message: the storm page's post, under the storm's title, then updated in place as held incidents join
  const ts = await eventually('the storm page posted', async () => {
    const r = await db.query(`SELECT ts FROM slack_messages WHERE incident_id = $1 AND status = 'posted'`, [storm.pageId]);
    return r.rows[0]?.ts as string | undefined;
  });
  /** the storm message as Slack shows it now: its post, or its latest update */
  const stormMessage = () => [...slack.callsOf('chat.update')].reverse().find((c) => c.args.ts === ts) ?? topLevel('C0STORM').find((c) => text(c).includes(`#${pageNumber} Storm on`));
  await eventually('the storm message to count every held incident', async () => stormMessage() && text(stormMessage()!).includes('4 incidents so far, 3 held by it'));
  const latest = stormMessage()!;
  const blocks = text(latest);
  expect(blocks).toContain(`#${pageNumber} Storm on`);
  expect(blocks).toContain(`<${PUBLIC_URL}/storms/${storm.id}|Storm>`);
  for (const n of numbers.slice(3)) expect(blocks).toContain(`<${PUBLIC_URL}/incidents/${n}|#${n}>`);

  // one top-level post each for the two incidents before the storm and for the storm page; none for the held ones
  const posts = topLevel('C0STORM');
  expect(posts).toHaveLength(3);
  for (const n of numbers.slice(3)) expect(posts.some((c) => text(c).includes(`#${n} `) && !text(c).includes(`#${pageNumber} `))).toBe(false);

  // a held incident acknowledged: the storm message shows it
  const held = (await db.query(`SELECT id FROM incidents WHERE number = $1`, [numbers[5]])).rows[0].id as string;
  expect((await world.api.admin('POST', `/api/v1/incidents/${held}/acknowledge`)).status).toBe(200);
  await eventually('the storm message to count the acknowledgement', async () => text(stormMessage()!).includes('3 triggered · 1 acknowledged · 0 resolved'));

  // the end: the message says so with the totals, and its thread too
  expect((await endQuietStorms(world.api.ctx, new Date(Date.now() + 3_600_000))).ended).toBeGreaterThanOrEqual(1);
  await eventually('the storm message to say it ended', async () => text(stormMessage()!).includes('Storm ended'));
  expect(text(stormMessage()!)).toContain('4 incidents, 3 held by it');
  await eventually('the end in the thread', async () =>
    slack.callsOf('chat.postMessage').find((c) => c.args.thread_ts === ts && String(c.args.text).includes(`Storm ${storm.id} ended`)),
  );
  expect(topLevel('C0STORM')).toHaveLength(3);

  // the backstop: an entry of a held incident that committed late (nothing flagged the storm message) is caught up with
  const other = (await db.query(`SELECT id FROM incidents WHERE number = $1`, [numbers[4]])).rows[0].id as string;
  expect((await world.api.admin('POST', `/api/v1/incidents/${other}/acknowledge`)).status).toBe(200);
  await eventually('the storm message to count it', async () => text(stormMessage()!).includes('2 acknowledged'));
  await eventually('the storm message synced', async () => {
    const r = await db.query(`SELECT 1 FROM slack_messages WHERE incident_id = $1 AND wanted_seq = synced_seq`, [storm.pageId]);
    return r.rowCount === 1;
  });
  await db.query(`UPDATE slack_messages SET synced_seq = synced_seq - 1, wanted_seq = synced_seq - 1 WHERE incident_id = $1`, [storm.pageId]);
  const before = slack.callsOf('chat.update').filter((c) => c.args.ts === ts).length;
  await eventually('the storm message updated again', async () => slack.callsOf('chat.update').filter((c) => c.args.ts === ts).length > before);
});
