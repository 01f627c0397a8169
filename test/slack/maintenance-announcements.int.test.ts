// Maintenance windows announced in Slack (docs/maintenance-windows.md "Slack
// announcements", issue 18), through the real api, Postgres, Redis, worker
// runtime and two Slack syncs (as two workers would run them) with the real
// @slack/web-api client against the fake Slack Web API, all on the test clock:
// a window's start and end are posted once in each Slack channel of its
// services' policies; POST …/end announces the end with what still fires;
// a Slack outage delays a post (retried, said to be late), never drops or
// doubles it; a recurring window announces each occurrence; a window created
// already over, or with `announce: false`, posts nothing; a deleted window in
// force announces its end; a channel Slack refuses for good is given up.
import { randomUUID } from 'node:crypto';
import { createLogger } from '@heinrich/config/logger';
import { createSlackClient } from '@heinrich/providers/slack/create-slack-client';
import { startFakeSlackServer, type FakeSlackCall, type FakeSlackServer } from '@heinrich/providers/slack/fake-slack-server';
import { planMaintenanceAnnouncements } from '@heinrich/usecases/maintenance/plan-maintenance-announcements';
import { postMaintenanceAnnouncements } from '@heinrich/usecases/slack/post-maintenance-announcements';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackSync, type SlackSyncRuntime } from '../../apps/worker/src/start-slack-sync';
import { startEscalationWorld, type EscalationWorld } from '../escalation/escalation-world';
import { eventually } from '../worker/eventually';

const PUBLIC_URL = 'https://heinrich.example.com';
const MW = '/api/v1/maintenance-windows';
let world: EscalationWorld;
let slack: FakeSlackServer;
let syncs: SlackSyncRuntime[] = [];
const logger = createLogger({ name: 'test-maintenance-announcements', level: process.env.TEST_LOG_LEVEL ?? 'silent' });

beforeAll(async () => {
  world = await startEscalationWorld();
  // the test clock moved to the real time once: incidents open at the database's now(), which a window on the clock must cover
  world.clock.advanceMinutes((Date.now() - world.clock.now().getTime()) / 60_000);
  slack = await startFakeSlackServer();
  // two workers' Slack syncs on one database, both on the test clock
  syncs = await Promise.all(
    [1, 2].map(() =>
      startSlackSync({
        db: world.api.db,
        logger,
        databaseUrl: world.api.databaseUrl,
        sync: { slack: createSlackClient({ botToken: 'xoxb-test-token', apiUrl: slack.apiUrl }), publicUrl: PUBLIC_URL },
        sweepIntervalMs: 200,
        catchUpEveryMs: 3_600_000,
        now: world.clock.now,
      }),
    ),
  );
}, 60_000);

afterAll(async () => {
  await Promise.all(syncs.map((s) => s.close()));
  await slack?.close();
  await world?.close();
});

const text = (c: FakeSlackCall) => String(c.args.text ?? '');
/** the top-level posts in `channel` announcing window `reason` */
const announcements = (channel: string, reason: string) =>
  slack.callsOf('chat.postMessage').filter((c) => c.args.channel === channel && text(c).includes(`Maintenance '${reason}'`));
const minutesFromNow = (m: number) => new Date(world.clock.now().getTime() + m * 60_000).toISOString();
const ctx = () => ({ db: world.api.db, now: world.clock.now, logger });

/** Both syncs sweep once more, and two more plan+post passes race (as two workers would). */
async function morePasses(): Promise<void> {
  await Promise.all(syncs.map((s) => s.kick()));
  const deps = { slack: createSlackClient({ botToken: 'xoxb-test-token', apiUrl: slack.apiUrl }), publicUrl: PUBLIC_URL };
  await Promise.all([1, 2].map(async () => (await planMaintenanceAnnouncements(ctx()), await postMaintenanceAnnouncements(ctx(), deps))));
  await Promise.all(syncs.map((s) => s.kick()));
}

async function serviceWithChannels(channels: string[], name?: string): Promise<{ id: string; key: string; name: string }> {
  const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: world.people.alice.id }, ...channels.map((id) => ({ type: 'slackChannel', id }))] }]);
  const svc = await world.service({ policyId });
  const display = name ?? `svc-${randomUUID().slice(0, 6)}`;
  expect((await world.api.admin('PATCH', `/api/v1/services/${svc.id}`, { name: display })).status).toBe(200);
  return { ...svc, name: display };
}

async function createWindow(body: Record<string, unknown>): Promise<string> {
  const res = await world.api.admin('POST', MW, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function rows(windowId: string) {
  const r = await world.api.db.pool.query<{ kind: string; channel: string; status: string; attempts: number; error: string | null }>(
    `SELECT kind, channel, status, attempts, error FROM maintenance_announcements WHERE window_id = $1 ORDER BY due_at, channel`,
    [windowId],
  );
  return r.rows;
}

describe('a window on two services whose policies name Slack channels', () => {
  const reason = `Upgrade PG ${randomUUID().slice(0, 4)}`;
  let a: { id: string; key: string; name: string };
  let b: { id: string; key: string; name: string };
  let windowId: string;

  it('announces its start once in each channel, with two workers sweeping', async () => {
    a = await serviceWithChannels(['C0MAINT1'], 'Payments');
    b = await serviceWithChannels(['C0MAINT1', 'C0MAINT2'], 'Billing');
    windowId = await createWindow({ serviceIds: [a.id, b.id], end: minutesFromNow(60), reason });
    const until = new Date(world.clock.now().getTime() + 60 * 60_000);

    await eventually('the start in both channels', async () => announcements('C0MAINT1', reason).length > 0 && announcements('C0MAINT2', reason).length > 0);
    await morePasses();
    expect(announcements('C0MAINT1', reason)).toHaveLength(1);
    expect(announcements('C0MAINT2', reason)).toHaveLength(1);
    // a channel shared by both services names both; a one-off window's end in each reader's zone
    expect(text(announcements('C0MAINT1', reason)[0]!)).toBe(
      `:construction: Maintenance '${reason}' started on Billing, Payments, until <!date^${Math.floor(until.getTime() / 1000)}^{date_short_pretty} {time}|${until.toISOString().slice(0, 16).replace('T', ' ')} UTC>; alerts under it page no one`,
    );
    expect(text(announcements('C0MAINT2', reason)[0]!)).toMatch(new RegExp(`^:construction: Maintenance '${reason}' started on Billing, until `));
    expect(JSON.stringify(announcements('C0MAINT1', reason)[0]!.args.blocks)).toContain(`<${PUBLIC_URL}/maintenance/${windowId}|Maintenance window>`);
    expect(await rows(windowId)).toEqual([
      { kind: 'started', channel: 'C0MAINT1', status: 'posted', attempts: 1, error: null },
      { kind: 'started', channel: 'C0MAINT2', status: 'posted', attempts: 1, error: null },
    ]);
    const api = await world.api.admin('GET', `${MW}/${windowId}`);
    expect(api.body.announce).toBe(true);
  });

  it('POST …/end announces the end once, with how many held incidents still fire and now page', async () => {
    const res = await world.api.post('/api/v1/integrations/events', {
      routing_key: a.key,
      event_action: 'trigger',
      dedup_key: randomUUID(),
      payload: { summary: 'Replication lag', source: 'db-1', severity: 'critical' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const number = res.body.incident_number as number;
    await eventually('the incident held', async () => {
      const r = await world.api.db.pool.query(`SELECT 1 FROM incidents i JOIN incident_events e ON e.incident_id = i.id WHERE i.number = $1 AND e.type = 'maintenance_held'`, [number]);
      return r.rowCount === 1;
    });
    // held: no channel post of its own while the window lasts
    await morePasses();
    const incidentPosts = () => slack.callsOf('chat.postMessage').filter((c) => c.args.channel === 'C0MAINT1' && !c.args.thread_ts && JSON.stringify(c.args.blocks ?? '').includes(`#${number} `));
    expect(incidentPosts()).toEqual([]);
    world.clock.advanceMinutes(5);
    expect((await world.api.admin('POST', `${MW}/${windowId}/end`)).status).toBe(200);

    await eventually('the end in both channels', async () => announcements('C0MAINT1', reason).length === 2 && announcements('C0MAINT2', reason).length === 2);
    await morePasses();
    expect(announcements('C0MAINT1', reason).map(text)).toEqual([
      expect.stringContaining('started'),
      `:white_check_mark: Maintenance '${reason}' ended on Billing, Payments; 1 incident still firing now pages`,
    ]);
    expect(text(announcements('C0MAINT2', reason)[1]!)).toBe(`:white_check_mark: Maintenance '${reason}' ended on Billing; nothing it held still fires`);
    // ending it again changes nothing and announces nothing more
    expect((await world.api.admin('POST', `${MW}/${windowId}/end`)).status).toBe(200);
    await morePasses();
    expect(announcements('C0MAINT1', reason)).toHaveLength(2);
    expect((await rows(windowId)).map((r) => `${r.kind} ${r.channel} ${r.status}`)).toEqual([
      'started C0MAINT1 posted',
      'started C0MAINT2 posted',
      'ended C0MAINT1 posted',
      'ended C0MAINT2 posted',
    ]);
  });
});

describe('a Slack outage', () => {
  it('delays the post (retried with backoff, then said to be late), never drops or doubles it', async () => {
    const reason = `Swap disks ${randomUUID().slice(0, 4)}`;
    const svc = await serviceWithChannels(['C0OUTAGE']);
    slack.failNext('chat.postMessage', { status: 503 }, 2, (args) => args.channel === 'C0OUTAGE');
    const windowId = await createWindow({ serviceIds: [svc.id], end: minutesFromNow(120), reason });

    const failed = await eventually('the first attempt to fail', async () => {
      const [r] = await rows(windowId);
      return r && r.attempts >= 1 ? r : undefined;
    });
    expect(failed).toMatchObject({ kind: 'started', status: 'pending', error: expect.stringContaining('503') });
    // (the fake records every call, the failed ones too)
    expect(announcements('C0OUTAGE', reason)).toHaveLength(1);
    // the backoff is on the clock: no attempt before it is due, however often the syncs sweep
    await morePasses();
    expect((await rows(windowId))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(announcements('C0OUTAGE', reason)).toHaveLength(1);

    world.clock.advanceMinutes(1);
    await eventually('the second attempt to fail', async () => ((await rows(windowId))[0]!.attempts >= 2 ? true : undefined));
    expect((await rows(windowId))[0]).toMatchObject({ status: 'pending' });
    world.clock.advanceMinutes(20);
    await eventually('the post once Slack is back', async () => (await rows(windowId))[0]!.status === 'posted');
    const post = announcements('C0OUTAGE', reason).at(-1);
    // older than the 15 minutes a new announcement may be, yet posted: it was written in time
    expect(text(post!)).toMatch(/started on svc-\w+, until .*; alerts under it page no one _\(posted late: it started at <!date\^\d+\^\{date_short_pretty\} \{time\}\|[\d: -]+ UTC>\)_$/);
    await morePasses();
    // two failed attempts and the one post: nothing more
    expect(announcements('C0OUTAGE', reason)).toHaveLength(3);
    expect(await rows(windowId)).toEqual([{ kind: 'started', channel: 'C0OUTAGE', status: 'posted', attempts: 3, error: null }]);
  });

  it("a 429 waits for its Retry-After; a channel Slack refuses for good is given up, not retried", async () => {
    const reason = `Refused ${randomUUID().slice(0, 4)}`;
    const svc = await serviceWithChannels(['C0GONE', 'C0BUSY']);
    slack.failNext('chat.postMessage', { error: 'channel_not_found' }, 1, (args) => args.channel === 'C0GONE');
    slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 }, 1, (args) => args.channel === 'C0BUSY');
    const windowId = await createWindow({ serviceIds: [svc.id], end: minutesFromNow(30), reason });
    // the 429 pauses that sync, and puts what it had claimed back until Retry-After (on the clock)
    await eventually('the 429', async () => (await rows(windowId)).find((x) => x.channel === 'C0BUSY')?.error?.includes('rate limited'));
    world.clock.advanceMinutes(2);
    await eventually('both decided', async () => {
      const r = await rows(windowId);
      return r.find((x) => x.channel === 'C0GONE')?.status === 'failed' && r.find((x) => x.channel === 'C0BUSY')?.status === 'posted';
    });
    expect((await rows(windowId)).find((x) => x.channel === 'C0GONE')).toMatchObject({ status: 'failed', error: 'Slack chat.postMessage to C0GONE: channel_not_found' });
    world.clock.advanceMinutes(2);
    await morePasses();
    expect(slack.callsOf('chat.postMessage').filter((c) => c.args.channel === 'C0GONE')).toHaveLength(1);
    // the 429 and the one post
    expect(announcements('C0BUSY', reason)).toHaveLength(2);
    expect((await rows(windowId)).find((x) => x.channel === 'C0BUSY')).toMatchObject({ status: 'posted', error: null });
  });
});

describe('which windows announce', () => {
  it('a recurring window announces each occurrence, on the wall clock of its zone', async () => {
    const reason = `Weekly patching ${randomUUID().slice(0, 4)}`;
    const svc = await serviceWithChannels(['C0WEEKLY'], 'Collector');
    // starts 30 minutes from now, for 30 minutes, every week on this weekday (times in Berlin)
    const now = world.clock.now();
    const wall = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
    const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'long' }).format(new Date(now.getTime() + 30 * 60_000)).toLowerCase();
    const startAt = new Date(now.getTime() + 30 * 60_000);
    const endAt = new Date(now.getTime() + 60 * 60_000);
    const windowId = await createWindow({
      serviceIds: [svc.id],
      reason,
      recurrence: { weekdays: [weekday], startTime: wall(startAt), endTime: wall(endAt), timeZone: 'Europe/Berlin' },
    });
    await morePasses();
    expect(announcements('C0WEEKLY', reason)).toHaveLength(0);

    world.clock.advanceMinutes(30);
    await eventually('the start', async () => announcements('C0WEEKLY', reason).length === 1);
    expect(text(announcements('C0WEEKLY', reason)[0]!)).toBe(`:construction: Maintenance '${reason}' started on Collector, until ${wall(endAt)} Europe/Berlin; alerts under it page no one`);
    world.clock.advanceMinutes(30);
    await eventually('the end', async () => announcements('C0WEEKLY', reason).length === 2);
    expect(text(announcements('C0WEEKLY', reason)[1]!)).toBe(`:white_check_mark: Maintenance '${reason}' ended on Collector; nothing it held still fires`);
    // a week later: the next occurrence, announced again
    world.clock.advanceMinutes(7 * 24 * 60 - 30);
    await eventually('the next start', async () => announcements('C0WEEKLY', reason).length === 3);
    expect(text(announcements('C0WEEKLY', reason)[2]!)).toMatch(/started on Collector/);
    await morePasses();
    expect((await rows(windowId)).map((r) => r.kind)).toEqual(['started', 'ended', 'started']);
    expect((await world.api.admin('DELETE', `${MW}/${windowId}`)).status).toBe(204);
  });

  it('a window created already over, or with announce: false, posts nothing', async () => {
    const svc = await serviceWithChannels(['C0QUIET']);
    const past = `Past ${randomUUID().slice(0, 4)}`;
    const pastId = await createWindow({ serviceIds: [svc.id], start: minutesFromNow(-180), end: minutesFromNow(-60), reason: past });
    const off = `Unannounced ${randomUUID().slice(0, 4)}`;
    const offId = await createWindow({ serviceIds: [svc.id], end: minutesFromNow(10), reason: off, announce: false });
    expect((await world.api.admin('GET', `${MW}/${offId}`)).body.announce).toBe(false);
    await morePasses();
    world.clock.advanceMinutes(11);
    await morePasses();
    expect(await rows(pastId)).toEqual([]);
    expect(await rows(offId)).toEqual([]);
    expect(slack.callsOf('chat.postMessage').filter((c) => c.args.channel === 'C0QUIET')).toEqual([]);
  });

  it('deleting a window in force announces its end', async () => {
    const reason = `Deleted ${randomUUID().slice(0, 4)}`;
    const svc = await serviceWithChannels(['C0DEL'], 'Search');
    const windowId = await createWindow({ serviceIds: [svc.id], end: minutesFromNow(30), reason });
    await eventually('the start', async () => announcements('C0DEL', reason).length === 1);
    expect((await world.api.admin('DELETE', `${MW}/${windowId}`)).status).toBe(204);
    await eventually('the end', async () => announcements('C0DEL', reason).length === 2);
    expect(text(announcements('C0DEL', reason)[1]!)).toBe(`:white_check_mark: Maintenance '${reason}' ended on Search (the window was deleted); nothing it held still fires`);
    await morePasses();
    expect(announcements('C0DEL', reason)).toHaveLength(2);
  });
});
