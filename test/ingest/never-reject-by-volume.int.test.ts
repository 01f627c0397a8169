// Volume is never refused (docs/noise.md#never-reject-by-volume): a whole
// Alertmanager group of 20,000 alerts is committed and answered 200, a burst of
// deliveries is coalesced rather than throttled (no 429), and only a group over
// the configured limit gets a 413 that names the limit and the setting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { incidentsOf } from '../support/incident-state';
import { seedService } from '../support/seed-service';

const AM = '/api/v1/integrations/alertmanager';

/** One Alertmanager notification of `n` firing alerts, all of one group. */
function group(n: number, groupLabel = 'KubeNodeNotReady', offset = 0) {
  const alerts = Array.from({ length: n }, (_, k) => {
    const i = k + offset;
    return {
      status: 'firing',
      labels: { alertname: groupLabel, node: `node-${i % 500}`, pod: `pod-${i}`, severity: 'critical' },
      annotations: { summary: `Pod pod-${i} on node-${i % 500} is not ready.` },
      startsAt: '2026-12-07T12:00:00Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: '',
      fingerprint: i.toString(16).padStart(16, '0'),
    };
  });
  return {
    version: '4',
    groupKey: `{}:{alertname="${groupLabel}"}`,
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'heinrich',
    groupLabels: { alertname: groupLabel },
    commonLabels: { alertname: groupLabel, severity: 'critical' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    alerts,
  };
}

async function storedAlertCount(api: TestApi, serviceId: string): Promise<number> {
  return api.db.prisma.alert.count({ where: { serviceId } });
}

describe('with the default limits', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('commits one group of 20,000 alerts and answers 200: one incident holding all of them', async () => {
    const svc = await seedService(api.db);
    const res = await api.post(AM, group(20_000), svc.secret);
    expect(res.status).toBe(200);
    expect(res.body.alertsReceived).toBe(20_000);
    expect(await storedAlertCount(api, svc.serviceId)).toBe(20_000);
    const incidents = await incidentsOf(api.db, svc.serviceId);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ status: 'triggered', firing: 20_000, resolved: 0 });
    expect(incidents[0]!.events.filter((t) => t === 'opened')).toHaveLength(1);
  }, 120_000);

  it('answers every delivery of a burst with 200, never 429: 100 notifications at once, all stored', async () => {
    const svc = await seedService(api.db);
    const statuses = await Promise.all(
      Array.from({ length: 100 }, (_, d) => api.post(AM, group(50, `Burst${d % 10}`, d * 50), svc.secret).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(await storedAlertCount(api, svc.serviceId)).toBe(5_000);
    expect(await incidentsOf(api.db, svc.serviceId)).toHaveLength(10);
  }, 120_000);
});

describe('over a limit lowered by configuration', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { ALERTMANAGER_MAX_ALERTS: '1000', ALERTMANAGER_MAX_BODY_BYTES: '1048576', MAX_BODY_BYTES: '1024' } });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('413 naming the alert limit and ALERTMANAGER_MAX_ALERTS, nothing stored', async () => {
    const svc = await seedService(api.db);
    const res = await api.post(AM, group(1_001), svc.secret);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(res.body.error.message).toMatch(/1001 alerts, more than the limit of 1000 \(ALERTMANAGER_MAX_ALERTS\)/);
    expect(res.body.error.message).toMatch(/max_alerts/);
    expect(await storedAlertCount(api, svc.serviceId)).toBe(0);
    // at the limit it is taken
    expect((await api.post(AM, group(1_000), svc.secret)).status).toBe(200);
  }, 60_000);

  it('413 naming the byte limit and ALERTMANAGER_MAX_BODY_BYTES; the Alertmanager endpoint is not held to MAX_BODY_BYTES', async () => {
    const svc = await seedService(api.db);
    const small = group(10); // ~2 kB: over MAX_BODY_BYTES (1024), under the Alertmanager limit
    expect((await api.post(AM, small, svc.secret)).status).toBe(200);
    const big = group(1);
    big.commonAnnotations = { padding: 'x'.repeat(1_100_000) };
    const res = await api.post(AM, big, svc.secret);
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/larger than the limit of 1048576 bytes \(ALERTMANAGER_MAX_BODY_BYTES\)/);
  }, 60_000);

  it('other routes keep MAX_BODY_BYTES', async () => {
    const res = await api.admin('POST', '/api/v1/teams', { name: 'x'.repeat(2_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/larger than the limit of 1024 bytes \(MAX_BODY_BYTES\)/);
  });
});
