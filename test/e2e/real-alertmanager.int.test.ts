// End to end with the REAL Alertmanager 0.25: it groups, waits, repeats and
// resolves on its own timers (group_wait 1s, group_interval 2s,
// repeat_interval 10s), posting to Heinrich's receiver over HTTP.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startRealAlertmanager, type RealAlertmanager } from '../support/alertmanager-harness';
import { startTestApi, type TestApi } from '../support/api-server';
import { incidentsOf, receiveCounts } from '../support/incident-state';
import { seedService, type SeededService } from '../support/seed-service';
import { waitFor } from '../support/wait-for';

let api: TestApi;
let am: RealAlertmanager;
let svc: SeededService;

const pods = (n: number) => `pod=${Array.from({ length: n }, (_, i) => `collector-${i + 1}`).join(',')}`;
const crashLooping = ['alertname=KubePodCrashLooping', 'namespace=collector', 'node=d01', 'severity=critical'];
const summary = ['--annotation', 'summary=Pod is crash looping.'];

beforeAll(async () => {
  api = await startTestApi();
  svc = await seedService(api.db);
  am = startRealAlertmanager(`${api.baseUrl}/api/v1/integrations/alertmanager`, {
    bearer: svc.secret,
    env: { AM_GROUP_WAIT: '1s', AM_GROUP_INTERVAL: '2s', AM_REPEAT: '10s', AM_GROUP_BY: 'alertname,node' },
  });
}, 60_000);

afterAll(async () => {
  am?.stop();
  await api?.close();
});

const incidents = () => incidentsOf(api.db, svc.serviceId);

it('six pods -> one incident; repeat -> still one; two join -> eight; all resolved -> resolved', async () => {
  am.fire(...summary, '--vary', pods(6), ...crashLooping);
  const opened = await waitFor(incidents, (list) => list[0]?.firing === 6, { what: 'six firing alerts' });
  expect(opened).toHaveLength(1);
  expect(opened[0]!.events).toEqual(['opened']);

  // Alertmanager re-sends the unchanged group after repeat_interval (~12 s here)
  const counts = await waitFor(
    () => receiveCounts(api.db, svc.serviceId),
    (c) => Object.values(c).length === 6 && Object.values(c).every((n) => n >= 2),
    { what: 'the repeat notification', timeoutMs: 40_000 },
  );
  expect(Object.keys(counts)).toHaveLength(6);
  const afterRepeat = await incidents();
  expect(afterRepeat).toHaveLength(1);
  expect(afterRepeat[0]).toMatchObject({ status: 'triggered', firing: 6, events: ['opened'] });

  am.fire(...summary, '--vary', pods(8), ...crashLooping);
  const grown = await waitFor(incidents, (list) => list[0]?.firing === 8, { what: 'eight firing alerts' });
  expect(grown).toHaveLength(1);
  expect(grown[0]!.events).toEqual(['opened', 'alerts_added']);

  am.fire('--resolve', ...summary, '--vary', pods(8), ...crashLooping);
  const resolved = await waitFor(incidents, (list) => list[0]?.status === 'resolved', { what: 'the incident to resolve' });
  expect(resolved).toHaveLength(1);
  expect(resolved[0]).toMatchObject({ firing: 0, resolved: 8 });
  expect(resolved[0]!.events.filter((e) => e === 'opened')).toHaveLength(1);
  expect(resolved[0]!.events.at(-1)).toBe('resolved');
}, 90_000);
