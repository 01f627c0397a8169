// Acceptance (issue 18) with the REAL Prometheus 2.42 and Alertmanager 0.25:
// Prometheus evaluates an always-firing Watchdog (vector(1)) every second and
// re-sends it every second (--rules.alert.resend-delay=1s, so its endsAt is
// ~4 s ahead); Alertmanager posts it to an alertmanager key naming the
// heartbeat every ~repeat_interval (5 s) + group_interval (2 s). That keeps
// the heartbeat up and opens no incident. Stopping Prometheus lets the
// Watchdog expire in Alertmanager, which sends it resolved: the
// missed-heartbeat incident opens at once (not a minute later at the timer).
// Skipped, saying why, where the Debian packages are not installed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingAlertmanagerBinaries, startRealAlertmanager, type RealAlertmanager } from '../support/alertmanager-harness';
import { startTestApi, type TestApi } from '../support/api-server';
import { waitFor } from '../support/wait-for';

const missing = missingAlertmanagerBinaries({ withPrometheus: true });
if (missing) console.warn(`real-alertmanager-watchdog: skipped: ${missing}`);

describe.skipIf(missing !== null)('a real Alertmanager Watchdog feeding a heartbeat', () => {
  let api: TestApi;
  let am: RealAlertmanager | undefined;
  let serviceId: string;
  let heartbeatId: string;

  beforeAll(async () => {
    api = await startTestApi();
    const teamId = (await api.admin('POST', '/api/v1/teams', { name: `watchdog-${randomUUID().slice(0, 8)}` })).body.id;
    serviceId = (await api.admin('POST', '/api/v1/services', { name: `prometheus-${randomUUID().slice(0, 8)}`, teamId })).body.id;
    heartbeatId = (await api.admin('POST', '/api/v1/heartbeats', { serviceId, name: 'harness-prometheus', intervalSeconds: 60 })).body.id;
    const key = await api.admin('POST', `/api/v1/services/${serviceId}/integration-keys`, {
      type: 'alertmanager',
      heartbeat: { id: heartbeatId, repeatIntervalSeconds: 5, groupIntervalSeconds: 2 },
    });
    expect(key.status, JSON.stringify(key.body)).toBe(201);
    expect(key.body.warnings).toEqual([]);
    am = startRealAlertmanager(`${api.baseUrl}/api/v1/integrations/alertmanager`, {
      bearer: key.body.key,
      withPrometheus: true,
      env: { AM_GROUP_WAIT: '1s', AM_GROUP_INTERVAL: '2s', AM_REPEAT: '5s', PROM_WATCHDOG: '1', PROM_PODS: '', PROM_RESEND_DELAY: '1s' },
    });
  }, 60_000);

  afterAll(async () => {
    am?.stop();
    await api?.close();
  });

  type Shown = { status: string; lastPingAt: string | null; incidentId: string | null };
  // run.sh start blocks this process for seconds (execFileSync): a keep-alive socket closed meanwhile may reset once
  const heartbeat = async (): Promise<Shown> =>
    api.admin('GET', `/api/v1/heartbeats/${heartbeatId}`).then(
      (r) => r.body as Shown,
      () => ({ status: 'unknown', lastPingAt: null, incidentId: null }),
    );
  const incidents = async () => (await api.db.pool.query(`SELECT id, title, status::text AS status FROM incidents WHERE service_id = $1`, [serviceId])).rows;

  it('the firing Watchdog keeps the heartbeat up with no incident; stopping Prometheus opens the missed-heartbeat incident', { timeout: 90_000 }, async () => {
    const first = await waitFor(heartbeat, (h) => h.status === 'up', { what: 'the first Watchdog ping', timeoutMs: 30_000 });
    // Alertmanager's repeats keep moving the last ping
    await waitFor(heartbeat, (h) => h.lastPingAt !== first.lastPingAt, { what: 'a repeat of the Watchdog', timeoutMs: 20_000 });
    const third = await heartbeat();
    await waitFor(heartbeat, (h) => h.lastPingAt !== third.lastPingAt, { what: 'another repeat', timeoutMs: 20_000 });
    expect((await heartbeat()).status).toBe('up');
    expect(await incidents()).toEqual([]);
    expect((await api.db.pool.query(`SELECT 1 FROM alerts WHERE service_id = $1`, [serviceId])).rowCount).toBe(0);

    const stoppedAt = Date.now();
    am!.stopPrometheus();
    const down = await waitFor(heartbeat, (h) => h.status === 'down', { what: 'the resolved Watchdog (a miss)', timeoutMs: 30_000 });
    // long before interval (60 s) after the last ping: the resolved Watchdog, not the timer
    expect(Date.now() - stoppedAt).toBeLessThan(30_000);
    const list = await incidents();
    expect(list).toEqual([{ id: down.incidentId, title: expect.stringMatching(/^Heartbeat 'harness-prometheus' missed: last ping \d+ s ago, expected every 1 min$/), status: 'triggered' }]);
    const events = await api.db.pool.query(`SELECT message FROM incident_events WHERE incident_id = $1 AND type = 'heartbeat_missed'`, [down.incidentId]);
    expect(events.rows[0]?.message).toMatch(/Alertmanager sent its Watchdog as resolved/);
  });
});
