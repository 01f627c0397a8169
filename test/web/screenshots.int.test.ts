// The pictures of docs/screenshots/ (`npm run screenshots`, scripts/screenshots.ts):
// the demo data (seedDemo), the real worker paging through the log channel, one
// incident opened by an Alertmanager notification, and every shot of SHOTS signed
// in as Alice. Skipped in ordinary test runs (HEINRICH_SCREENSHOTS unset).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSenders } from '@heinrich/providers/build-senders';
import { DEMO_ALERTMANAGER_KEY, DEMO_PASSWORD, seedDemo } from '@heinrich/usecases/demo/seed-demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS_DIR, SHOTS, type ShotData } from '../../scripts/screenshots';
import { alertmanagerFixture } from '../support/fixtures';
import { waitFor } from '../support/wait-for';
import { startTestWorker, type TestWorker } from '../worker/start-test-worker';
import { signInAs, startWeb, type WebWorld } from './browser';

describe.skipIf(!process.env.HEINRICH_SCREENSHOTS)('screenshots for docs/screenshots', () => {
  let web: WebWorld;
  let worker: TestWorker;
  let data: ShotData;

  beforeAll(async () => {
    web = await startWeb();
    worker = await startTestWorker({
      databaseUrl: web.api.databaseUrl,
      redisUrl: web.api.redisUrl,
      redisPrefix: web.api.redisPrefix,
      senders: (config, logger) => buildSenders(config, logger),
    });
    const seed = await seedDemo(web.api.ctx);
    const sent = await web.api.post('/api/v1/integrations/alertmanager', alertmanagerFixture('01-firing-initial-6-pods.json'), DEMO_ALERTMANAGER_KEY);
    expect(sent.status).toBe(200);
    const incidents = await web.api.admin('GET', `/api/v1/incidents?serviceId=${seed.serviceId}`);
    const incidentId: string = incidents.body.items[0].id;
    // wait until the on-call person was paged and the log channel delivered it
    await waitFor(
      () => web.api.admin('GET', `/api/v1/notifications?incidentId=${incidentId}`),
      (res) => res.body.items?.some((n: { deliveries: { status: string }[] }) => n.deliveries.some((d) => d.status === 'sent')),
      { what: 'a delivered page' },
    );
    data = { ...seed, incidentId };
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    for (const q of worker?.runtime.delivery?.queues.values() ?? []) await q.obliterate({ force: true }).catch(() => {});
    await worker?.close();
    await web?.close();
  });

  for (const shot of SHOTS) {
    it(shot.file, async () => {
      const page = await web.newPage(shot.viewport);
      await signInAs(page, { email: 'alice@demo.heinrich.invalid', password: DEMO_PASSWORD });
      await page.goto(shot.path(data));
      await shot.ready(page, data);
      // let fonts and late polls settle so the picture is stable
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: join(SCREENSHOTS_DIR, shot.file), fullPage: shot.fullPage ?? false });
      await page.context().close();
    });
  }
});
