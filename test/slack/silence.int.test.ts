// Silence from Heinrich in the REAL Alertmanager 0.25: alerts flow Alertmanager ->
// Heinrich's receiver, the incident is silenced through the API, and
// Alertmanager's own API shows the silence with the incident's matchers. While
// silenced, a resolved alert sends no webhook: the worker's poller finds it gone.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findActiveSilence } from '@heinrich/db/silences/find-active-silence';
import { pollSilences } from '@heinrich/usecases/silences/poll-silences';
import { startFakeSlackServer, type FakeSlackServer } from '@heinrich/providers/slack/fake-slack-server';
import { slackSignature } from '@heinrich/providers/slack/verify-signature';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealAlertmanager, type RealAlertmanager } from '../support/alertmanager-harness';
import { startTestApi, type SignedInUser, type TestApi } from '../support/api-server';
import { incidentsOf } from '../support/incident-state';
import { seedService, type SeededService } from '../support/seed-service';
import { waitFor } from '../support/wait-for';
import { eventually } from '../worker/eventually';
import { startTestWorker, type TestWorker } from '../worker/start-test-worker';

let api: TestApi;
let worker: TestWorker;
let am: RealAlertmanager;
let svc: SeededService;
let alice: SignedInUser;
let slack: FakeSlackServer;
const SLACK_SECRET = 'slack-signing-secret-for-tests';
let viewer: SignedInUser;

interface AmSilence {
  id: string;
  matchers: { name: string; value: string; isRegex: boolean; isEqual: boolean }[];
  createdBy: string;
  comment: string;
  startsAt: string;
  endsAt: string;
  status: { state: string };
}

async function amSilence(id: string): Promise<AmSilence> {
  const res = await fetch(`${am.url}/api/v2/silence/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as AmSilence;
}

async function timeline(incidentId: string): Promise<{ type: string; message: string; actor: string | null; via: string | null; data: Record<string, unknown> }[]> {
  const r = await api.db.pool.query(`SELECT type, message, actor, via, data FROM incident_events WHERE incident_id = $1 AND type <> 'dispatched' ORDER BY seq`, [
    incidentId,
  ]);
  return r.rows;
}

const incidents = () => incidentsOf(api.db, svc.serviceId);

/** A click on the Slack message's button, signed like Slack signs it. */
async function slackClick(slackUserId: string, actionId: string, incidentId: string): Promise<number> {
  const payload = {
    type: 'block_actions',
    user: { id: slackUserId, team_id: 'T0001' },
    team: { id: 'T0001', domain: 'acme' },
    channel: { id: 'C0PAGING', name: 'paging' },
    container: { type: 'message', message_ts: '1700000000.000001', channel_id: 'C0PAGING' },
    response_url: slack.responseUrl(`${actionId}-${incidentId}`),
    actions: [{ type: 'button', action_id: actionId, block_id: `incident:${incidentId}`, value: incidentId, action_ts: '1700000001.5' }],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await api.request('POST', '/api/v1/slack/interactions', body, {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': ts,
    'x-slack-signature': slackSignature(SLACK_SECRET, ts, body),
  });
  return res.status;
}
const summary = ['--annotation', 'summary=Disk almost full'];

beforeAll(async () => {
  api = await startTestApi({ env: { SLACK_SIGNING_SECRET: SLACK_SECRET } });
  slack = await startFakeSlackServer();
  svc = await seedService(api.db);
  const team = (await api.admin('POST', '/api/v1/teams', { name: 'storage' })).body;
  await api.db.prisma.service.update({ where: { id: svc.serviceId }, data: { teamId: team.id } });
  alice = await api.createUser({ name: 'Alice', teams: { [team.id]: 'responder' } });
  viewer = await api.createUser({ name: 'Vera', teams: { [team.id]: 'viewer' } });
  await api.db.prisma.user.update({ where: { id: alice.id }, data: { slackUserId: 'UALICE' } });
  am = startRealAlertmanager(`${api.baseUrl}/api/v1/integrations/alertmanager`, {
    bearer: svc.secret,
    env: { AM_GROUP_WAIT: '1s', AM_GROUP_INTERVAL: '2s', AM_REPEAT: '1h', AM_GROUP_BY: 'alertname,node' },
  });
  worker = await startTestWorker({
    databaseUrl: api.databaseUrl,
    redisUrl: api.redisUrl,
    redisPrefix: api.redisPrefix,
    // the harness's Alertmanager has just started: judge it at once
    env: { SILENCE_POLL_INTERVAL_MS: '300', SILENCE_POLL_RESTART_GRACE_MS: '0' },
  });
}, 60_000);

afterAll(async () => {
  am?.stop();
  await slack?.close();
  await worker?.close();
  await api?.close();
});

describe('silencing an incident', () => {
  it('acknowledges it and creates a silence in the Alertmanager configured on the key, with the labels its alerts share', async () => {
    am.fire(...summary, '--vary', 'device=sda,sdb', 'alertname=DiskFull', 'node=n1', 'severity=warning', 'team=storage');
    const [incident] = await waitFor(incidents, (l) => l[0]?.firing === 2, { what: 'the incident with two alerts' });
    // ingest kept the notification's externalURL on the key, but silences never go there: whoever holds
    // an integration key would decide where the api sends requests
    const key = await api.db.prisma.integrationKey.findUniqueOrThrow({ where: { id: svc.keyId } });
    expect(key.externalUrl).toBe(am.url);
    expect(key.alertmanagerUrl).toBeNull();
    const unset = await alice.call('POST', `/api/v1/incidents/${incident!.number}/silence`, {});
    expect(unset.status).toBe(409);
    expect(unset.body.error.message).toContain('set the Alertmanager URL on the integration key');
    expect((await api.admin('GET', `/api/v1/incidents/${incident!.number}`)).body).toMatchObject({ status: 'triggered', canSilence: false });
    expect((await (await fetch(`${am.url}/api/v2/silences`)).json()) as unknown[]).toHaveLength(0);
    // a lead sets it (here: directly); from now on silences go there
    await api.db.prisma.integrationKey.update({ where: { id: svc.keyId }, data: { alertmanagerUrl: am.url } });
    expect((await api.admin('GET', `/api/v1/incidents/${incident!.number}`)).body.canSilence).toBe(true);

    // a viewer may not silence (same rule as acknowledging)
    const refused = await viewer.call('POST', `/api/v1/incidents/${incident!.number}/silence`, {});
    expect(refused.status).toBe(403);

    const res = await alice.call('POST', `/api/v1/incidents/${incident!.number}/silence`, { durationMinutes: 90 });
    expect(res.status).toBe(201);
    expect(res.body.incident.status).toBe('acknowledged');
    const silence = res.body.silence;
    expect(silence.alertmanagerUrl).toBe(am.url);
    expect(silence.createdBy).toBe('Alice');
    expect(new Date(silence.endsAt).getTime() - new Date(silence.startsAt).getTime()).toBe(90 * 60_000);

    // Alertmanager's own view: the incident's matchers (labels common to both alerts), by Alice, active
    const inAm = await amSilence(silence.alertmanagerSilenceId);
    expect(inAm.status.state).toBe('active');
    expect(inAm.matchers.map((m) => `${m.name}=${m.value}`).sort()).toEqual(['alertname=DiskFull', 'node=n1', 'severity=warning', 'team=storage']);
    expect(inAm.matchers.every((m) => !m.isRegex && m.isEqual)).toBe(true);
    expect(inAm.createdBy).toBe(`Alice <${alice.email}>`);
    expect(inAm.comment).toContain(`#${incident!.number}`);
    // and the alerts are silenced there
    const alerts = (await (await fetch(`${am.url}/api/v2/alerts?filter=alertname="DiskFull"`)).json()) as { status: { state: string; silencedBy: string[] } }[];
    expect(alerts.map((a) => a.status.silencedBy)).toEqual([[inAm.id], [inAm.id]]);

    const events = await timeline(incident!.id);
    const ack = events.find((e) => e.type === 'acknowledged')!;
    expect(ack).toMatchObject({ actor: `user:${alice.id}`, via: 'ui' });
    const silenced = events.find((e) => e.type === 'silenced')!;
    expect(silenced).toMatchObject({ actor: `user:${alice.id}`, via: 'ui' });
    expect(silenced.data.silenceId).toBe(inAm.id);
    expect(silenced.message).toContain('alertname="DiskFull"');
    // the instant the message says ("until 2026-11-29 00:40 UTC") is data too, for clients to show in the viewer's zone
    expect(silenced.data.endsAt).toBe(silence.endsAt);
    expect(silenced.message).toContain(`until ${silence.endsAt.slice(0, 16).replace('T', ' ')} UTC`);

    // the incident shows it, and its timeline's data the instants
    const shown = (await api.admin('GET', `/api/v1/incidents/${incident!.number}`)).body;
    expect(shown.timeline.find((e: { type: string }) => e.type === 'silenced').data).toMatchObject({ silenceId: inAm.id, startsAt: silence.startsAt, endsAt: silence.endsAt });
    expect((await api.admin('GET', `/api/v1/incidents/${incident!.number}`)).body.silence).toEqual({
      alertmanagerSilenceId: inAm.id,
      endsAt: silence.endsAt,
      createdBy: 'Alice',
    });

    // silencing again makes no second silence
    const again = await alice.call('POST', `/api/v1/incidents/${incident!.id}/silence`, {});
    expect(again.status).toBe(200);
    expect(again.body.silence.alertmanagerSilenceId).toBe(inAm.id);
    const all = (await (await fetch(`${am.url}/api/v2/silences`)).json()) as AmSilence[];
    expect(all.filter((s) => s.status.state === 'active')).toHaveLength(1);

    // unsilence: expired in Alertmanager, on the timeline
    const un = await alice.call('DELETE', `/api/v1/incidents/${incident!.number}/silence`);
    expect(un.status).toBe(200);
    expect(un.body.expired).toBe(true);
    expect((await amSilence(inAm.id)).status.state).toBe('expired');
    expect((await timeline(incident!.id)).at(-1)).toMatchObject({ type: 'unsilenced', actor: `user:${alice.id}`, data: { endedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) } });
    expect(un.body.incident.silence).toBeNull();
    const twice = await alice.call('DELETE', `/api/v1/incidents/${incident!.number}/silence`);
    expect(twice.body.expired).toBe(false);
  }, 60_000);

  it('changes nothing when the Alertmanager does not answer, and says which one', async () => {
    am.fire(...summary, 'alertname=DiskSlow', 'node=n2', 'severity=warning');
    const incident = (await waitFor(incidents, (l) => l.some((i) => i.title.includes('DiskSlow')), { what: 'the DiskSlow incident' })).find((i) =>
      i.title.includes('DiskSlow'),
    )!;
    await api.db.prisma.integrationKey.update({ where: { id: svc.keyId }, data: { alertmanagerUrl: 'http://127.0.0.1:1' } });
    try {
      const res = await api.admin('POST', `/api/v1/incidents/${incident.id}/silence`, {});
      expect(res.status).toBe(503);
      expect(res.body.error.message).toContain('http://127.0.0.1:1');
      const after = (await incidents()).find((i) => i.id === incident.id)!;
      expect(after.status).toBe('triggered');
      expect(after.events).not.toContain('silenced');
      expect(await api.db.prisma.incidentSilence.count({ where: { incidentId: incident.id } })).toBe(0);
    } finally {
      await api.db.prisma.integrationKey.update({ where: { id: svc.keyId }, data: { alertmanagerUrl: am.url } });
    }
    // bad input names the field
    const bad = await api.admin('POST', `/api/v1/incidents/${incident.id}/silence`, { durationMinutes: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('durationMinutes');

    // an incident of the same service that came from the Events API is not Alertmanager's to silence
    const events = (await api.admin('POST', `/api/v1/services/${svc.serviceId}/integration-keys`, { type: 'events' })).body.key;
    const triggered = await api.post('/api/v1/integrations/events', {
      routing_key: events,
      event_action: 'trigger',
      dedup_key: 'disk-db-1',
      payload: { summary: 'Disk full on db-1', source: 'db-1', severity: 'critical' },
    });
    expect(triggered.status).toBe(202);
    const fromEvents = await api.admin('POST', `/api/v1/incidents/${triggered.body.incident_number}/silence`, {});
    expect(fromEvents.status).toBe(409);
    expect(fromEvents.body.error.message).toBe(`Cannot silence incident #${triggered.body.incident_number}: it came from the Events API, not from Alertmanager`);
  }, 60_000);

  it('while silenced, resolves the alerts Alertmanager no longer has (no webhook comes) and then the incident', async () => {
    const labels = ['alertname=NodeDown', 'node=n3', 'severity=critical'];
    am.fire(...summary, '--vary', 'zone=a,b', ...labels);
    const find = async () => (await incidents()).find((i) => i.title.includes('NodeDown'));
    const incident = await eventually('the NodeDown incident with 2 alerts', async () => ((await find())?.firing === 2 ? find() : undefined));
    const res = await api.admin('POST', `/api/v1/incidents/${incident!.id}/silence`, {});
    expect(res.status).toBe(201);

    // an Alertmanager that started moments ago is not judged (its alerts may not be back yet)
    const deferred = await pollSilences(api.ctx, { restartGraceMs: 3_600_000 });
    expect(deferred.deferred).toBeGreaterThanOrEqual(1);
    expect(deferred.alertsResolved).toBe(0);

    am.fire('--resolve', ...summary, 'zone=a', ...labels);
    const one = await eventually('the poller to resolve zone=a', async () => {
      const i = await find();
      return i && i.resolved === 1 ? i : undefined;
    });
    expect(one.status).toBe('acknowledged');
    const resolvedEvent = (await timeline(incident!.id)).find((e) => e.type === 'alerts_resolved')!;
    expect(resolvedEvent.via).toBe('alertmanager-poll');

    am.fire('--resolve', ...summary, 'zone=b', ...labels);
    const done = await eventually('the incident to resolve', async () => {
      const i = await find();
      return i?.status === 'resolved' ? i : undefined;
    });
    expect(done).toMatchObject({ firing: 0, resolved: 2 });
    const events = await timeline(incident!.id);
    expect(events.at(-1)).toMatchObject({ type: 'resolved', via: 'alertmanager-poll', actor: 'system' });
    // every resolution came from the poller: Alertmanager sent no webhook for the silenced alerts
    expect(events.filter((e) => e.type === 'alerts_resolved').every((e) => e.via === 'alertmanager-poll')).toBe(true);
    // a resolved incident is no longer polled
    const polled = await api.db.prisma.incidentSilence.findFirstOrThrow({ where: { incidentId: incident!.id } });
    await new Promise((r) => setTimeout(r, 1_000));
    const later = await api.db.prisma.incidentSilence.findFirstOrThrow({ where: { incidentId: incident!.id } });
    expect(later.lastPolledAt).toEqual(polled.lastPolledAt);
  }, 60_000);

  it('stops polling when the silence is expired in Alertmanager itself (amtool, the UI), or has ended', async () => {
    am.fire(...summary, 'alertname=FanBroken', 'node=n4', 'severity=warning');
    const find = async () => (await incidents()).find((i) => i.title.includes('FanBroken'));
    const incident = await eventually('the FanBroken incident', find);
    const res = await api.admin('POST', `/api/v1/incidents/${incident.id}/silence`, {});
    expect(res.status).toBe(201);
    const active = await findActiveSilence(api.db.pool, incident.id);
    expect(active).toMatchObject({ alertmanagerSilenceId: res.body.silence.alertmanagerSilenceId, createdByName: 'the admin API key' });

    const expired = await fetch(`${am.url}/api/v2/silence/${res.body.silence.alertmanagerSilenceId}`, { method: 'DELETE' });
    expect(expired.status).toBe(200);
    const events = await eventually('the poller to notice', async () => {
      const list = await timeline(incident.id);
      return list.some((e) => e.type === 'unsilenced') ? list : undefined;
    });
    expect(events.at(-1)).toMatchObject({ type: 'unsilenced', via: 'alertmanager-poll', message: 'The Alertmanager silence was expired in Alertmanager' });
    expect(await findActiveSilence(api.db.pool, incident.id)).toBeNull();
    // and it may be silenced anew
    expect((await api.admin('POST', `/api/v1/incidents/${incident.id}/silence`, {})).status).toBe(201);

    // a silence whose end has passed is closed too (here its end is moved into the past)
    await api.db.pool.query(`UPDATE incident_silences SET ends_at = now() - interval '1 second' WHERE open_for = $1`, [incident.id]);
    const ended = await eventually('the poller to close the ended silence', async () => {
      const list = await timeline(incident.id);
      return list.at(-1)?.type === 'silence_ended' ? list.at(-1) : undefined;
    });
    expect(ended).toMatchObject({ via: 'alertmanager-poll', actor: 'system' });
    // "ended at 12:00 UTC" is data too: the end of the silence (the earliest-ending of the two)
    const endsAt = (await api.db.pool.query(`SELECT ends_at FROM incident_silences WHERE incident_id = $1 ORDER BY ends_at LIMIT 1`, [incident.id])).rows[0].ends_at as Date;
    expect(ended!.data.endedAt).toBe(endsAt.toISOString());
    expect(ended!.message).toBe(`The Alertmanager silence ended at ${endsAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    expect(await findActiveSilence(api.db.pool, incident.id)).toBeNull();
  }, 60_000);

  it('never takes an alert that joined after the silence (not matched by it) for resolved', async () => {
    const group = ['alertname=PsuFailing', 'node=n5'];
    am.fire(...summary, ...group, 'severity=warning', 'psu=1');
    const find = async () => (await incidents()).find((i) => i.title.includes('PsuFailing'));
    const incident = await eventually('the PsuFailing incident', find);
    const res = await api.admin('POST', `/api/v1/incidents/${incident.id}/silence`, {});
    expect(res.body.silence.matchers.map((m: { name: string }) => m.name)).toEqual(['alertname', 'node', 'psu', 'severity']);
    // psu=2 is not silenced (other labels): it comes by webhook and joins the incident
    am.fire(...summary, ...group, 'severity=critical', 'psu=2');
    await eventually('psu=2 to join', async () => ((await find())?.firing === 2 ? true : undefined));
    // two more poll passes: both alerts are still in Alertmanager, so both still fire here
    const polledAt = async () => (await api.db.prisma.incidentSilence.findFirstOrThrow({ where: { incidentId: incident.id, openFor: { not: null } } })).lastPolledAt;
    const first = await polledAt();
    await eventually('a poll pass', async () => ((await polledAt())?.getTime() ?? 0) > (first?.getTime() ?? 0));
    const second = await polledAt();
    await eventually('another poll pass', async () => ((await polledAt())?.getTime() ?? 0) > (second?.getTime() ?? 0));
    expect(await find()).toMatchObject({ firing: 2, resolved: 0, status: 'acknowledged' });
  }, 60_000);

  it("uses the key's configured Alertmanager URL and credentials (an Alertmanager behind a proxy with basic auth)", async () => {
    // the proxy answers 401 without the right basic-auth credentials and forwards the rest to Alertmanager
    const expected = `Basic ${Buffer.from('heinrich:s3cret').toString('base64')}`;
    const seen: string[] = [];
    const proxy: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push(`${req.method} ${req.url?.split('?')[0]}`);
        if (req.headers.authorization !== expected) {
          res.writeHead(401).end('Unauthorized');
          return;
        }
        const body = chunks.length ? Buffer.concat(chunks) : undefined;
        fetch(`${am.url}${req.url!.replace(/^\/am/, '')}`, { method: req.method, headers: { 'content-type': 'application/json' }, body })
          .then(async (r) => res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'text/plain' }).end(await r.text()))
          .catch(() => res.writeHead(502).end());
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/am`;
    try {
      am.fire(...summary, 'alertname=RaidDegraded', 'node=n6', 'severity=warning');
      const find = async () => (await incidents()).find((i) => i.title.includes('RaidDegraded'));
      const incident = await eventually('the RaidDegraded incident', find);

      await api.db.prisma.integrationKey.update({
        where: { id: svc.keyId },
        data: { alertmanagerUrl: proxyUrl, alertmanagerAuth: { type: 'basic', username: 'heinrich', password: 'wrong' } },
      });
      const refused = await api.admin('POST', `/api/v1/incidents/${incident.id}/silence`, {});
      expect(refused.status).toBe(503);
      expect(refused.body.error.message).toContain(`Alertmanager at ${proxyUrl} refused to create a silence: HTTP 401`);
      expect(refused.body.error.message).toContain("check the integration key's Alertmanager credentials");

      await api.db.prisma.integrationKey.update({
        where: { id: svc.keyId },
        data: { alertmanagerAuth: { type: 'basic', username: 'heinrich', password: 's3cret' } },
      });
      const res = await api.admin('POST', `/api/v1/incidents/${incident.id}/silence`, {});
      expect(res.status).toBe(201);
      expect(res.body.silence.alertmanagerUrl).toBe(proxyUrl);
      expect((await amSilence(res.body.silence.alertmanagerSilenceId)).status.state).toBe('active');
      // the poller goes through the proxy with the credentials too
      await eventually('a poll through the proxy', async () => (seen.includes('GET /am/api/v2/alerts') ? true : undefined));
      expect((await alice.call('DELETE', `/api/v1/incidents/${incident.id}/silence`)).body.expired).toBe(true);
      expect((await amSilence(res.body.silence.alertmanagerSilenceId)).status.state).toBe('expired');
    } finally {
      await api.db.prisma.integrationKey.update({ where: { id: svc.keyId }, data: { alertmanagerUrl: am.url } });
      await new Promise<void>((r) => proxy.close(() => r()));
    }
  }, 60_000);

  it("Slack's Silence 1h button silences as the linked user (via slack), Unsilence expires it", async () => {
    am.fire(...summary, '--vary', 'disk=1,2', 'alertname=SmartErrors', 'node=n7', 'severity=warning');
    const find = async () => (await incidents()).find((i) => i.title.includes('SmartErrors'));
    const incident = await eventually('the SmartErrors incident with 2 alerts', async () => ((await find())?.firing === 2 ? find() : undefined));

    expect(await slackClick('UALICE', 'incident_silence', incident!.id)).toBe(200);
    const silence = await findActiveSilence(api.db.pool, incident!.id);
    expect(silence).not.toBeNull();
    expect(silence!.endsAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    const inAm = await amSilence(silence!.alertmanagerSilenceId);
    expect(inAm.status.state).toBe('active');
    expect(inAm.matchers.map((m) => `${m.name}=${m.value}`).sort()).toEqual(['alertname=SmartErrors', 'node=n7', 'severity=warning']);
    expect(inAm.createdBy).toBe(`Alice (Slack user UALICE) <${alice.email}>`);
    expect(new Date(inAm.endsAt).getTime() - new Date(inAm.startsAt).getTime()).toBeGreaterThanOrEqual(59 * 60_000);
    const events = await timeline(incident!.id);
    expect(events.find((e) => e.type === 'acknowledged')).toMatchObject({ actor: `user:${alice.id}`, via: 'slack' });
    expect(events.find((e) => e.type === 'silenced')).toMatchObject({ actor: `user:${alice.id}`, via: 'slack' });
    expect((await find())!.status).toBe('acknowledged');

    expect(await slackClick('UALICE', 'incident_unsilence', incident!.id)).toBe(200);
    expect((await amSilence(inAm.id)).status.state).toBe('expired');
    expect((await timeline(incident!.id)).at(-1)).toMatchObject({ type: 'unsilenced', via: 'slack' });
    // nothing had to be explained to Alice
    expect(slack.responses.filter((r) => r.name.endsWith(incident!.id))).toEqual([]);
  }, 60_000);
});
