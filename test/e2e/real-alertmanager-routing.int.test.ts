// Issue 21's acceptance with the REAL Alertmanager 0.25: one receiver pointed at
// a routing integration's key. Alerts labelled team=db and team=web and one with
// no team, grouped by alertname (so usually one notification); the first two land in
// their teams' services (dynamic routing by routingName) and page their on-call
// through the log channel, the third lands in the catch-all, which pages its own
// on-call; all three are visible, nothing is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeliveryWorld, type DeliveryWorld } from '../delivery/delivery-world';
import type { Person } from '../escalation/escalation-world';
import { missingAlertmanagerBinaries, startRealAlertmanager, type RealAlertmanager } from '../support/alertmanager-harness';
import { incidentsOf } from '../support/incident-state';
import { eventually } from '../worker/eventually';

const missing = missingAlertmanagerBinaries();
if (missing) console.warn(`real-alertmanager-routing: skipped: ${missing}`);

describe.skipIf(missing !== null)('one Alertmanager receiver on a routing key', () => {
  let dw: DeliveryWorld;
  let am: RealAlertmanager;
  const services: Record<'db' | 'web' | 'catchall', string> = { db: '', web: '', catchall: '' };
  let onCall: Record<'db' | 'web' | 'catchall', Person>;

  async function ok(p: Promise<{ status: number; body: { id: string } & Record<string, unknown> }>, what: string) {
    const res = await p;
    expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  }

  beforeAll(async () => {
    dw = await startDeliveryWorld('test-routing-e2e', { DELIVERY_SWEEP_INTERVAL_MS: '200', DELIVERY_LOST_AFTER_MS: '0' });
    const { world } = dw;
    onCall = { db: world.people.alice, web: world.people.bob, catchall: world.people.carol };
    for (const name of ['db', 'web', 'catchall'] as const) {
      const person = onCall[name];
      const method = await ok(world.api.admin('POST', `/api/v1/users/${person.id}/contact-methods`, { type: 'log', value: `${name}-log` }), 'log method');
      await ok(world.api.admin('POST', `/api/v1/users/${person.id}/notification-rules`, { contactMethodId: method.id, delayMinutes: 0 }), 'rule');
      const policyId = await world.policy([{ delayMinutes: 10, targets: [{ type: 'user', id: person.id }] }]);
      const svc = await ok(
        world.api.admin('POST', '/api/v1/services', { name: `team ${name}`, teamId: world.team.id, escalationPolicyId: policyId, routingName: name === 'catchall' ? null : name }),
        'service',
      );
      services[name] = svc.id;
    }
    const integration = await ok(
      world.api.admin('POST', '/api/v1/routing-integrations', {
        name: 'the one Alertmanager',
        routes: [{ matchers: ['team!=""'], serviceFromLabel: 'team' }],
        catchAllServiceId: services.catchall,
      }),
      'routing integration',
    );
    am = startRealAlertmanager(`${world.api.baseUrl}/api/v1/integrations/alertmanager`, {
      bearer: integration.key as string,
      env: { AM_GROUP_WAIT: '1s', AM_GROUP_INTERVAL: '2s', AM_REPEAT: '10s', AM_GROUP_BY: 'alertname' },
    });
  }, 90_000);

  afterAll(async () => {
    am?.stop();
    await dw?.close();
  });

  async function logDeliveries(serviceId: string) {
    const r = await dw.world.api.db.pool.query<{ userId: string; status: string }>(
      `SELECT n.user_id AS "userId", d.status::text AS status FROM deliveries d JOIN notifications n ON n.id = d.notification_id
         JOIN incidents i ON i.id = n.incident_id WHERE i.service_id = $1 AND d.channel = 'log'`,
      [serviceId],
    );
    return r.rows;
  }

  it('team=db and team=web land in their services and page their on-call; no team lands in the catch-all; nothing lost', async () => {
    // three posts within group_wait: Alertmanager usually sends them as one notification (group_by alertname)
    am.fire('--annotation', 'summary=Disk almost full', 'alertname=DiskFull', 'severity=critical', 'instance=db-1', 'team=db');
    am.fire('--annotation', 'summary=Disk almost full', 'alertname=DiskFull', 'severity=critical', 'instance=web-1', 'team=web');
    am.fire('--annotation', 'summary=Disk almost full', 'alertname=DiskFull', 'severity=critical', 'instance=misc-1');
    for (const name of ['db', 'web', 'catchall'] as const) {
      const list = await eventually(`the ${name} incident`, async () => {
        const incidents = await incidentsOf(dw.world.api.db, services[name]);
        return incidents.length === 1 && incidents[0]!.firing === 1 ? incidents : undefined;
      });
      expect(list[0]!.events[0]).toBe('opened');
      const sent = await eventually(`${onCall[name].name} paged via log`, async () => {
        const rows = await logDeliveries(services[name]);
        return rows.some((d) => d.status === 'sent') ? rows : undefined;
      });
      expect(sent.every((d) => d.userId === onCall[name].id)).toBe(true);
    }
    const stored = await dw.world.api.db.pool.query<{ service_id: string; team: string | null }>(`SELECT service_id, labels->>'team' AS team FROM alerts`);
    expect(stored.rows.map((r) => [r.team, r.service_id]).sort()).toEqual(
      [['db', services.db], ['web', services.web], [null, services.catchall]].sort(),
    );
  }, 90_000);
});
