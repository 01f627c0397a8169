// `npm run screenshots`: the pictures under docs/screenshots/ (linked from the
// README), taken by the browser-test harness (test/web/browser.ts) against the
// real api with the demo data (packages/usecases/src/demo) and a few incidents.
//
// Run directly, this file starts vitest on test/web/screenshots.int.test.ts with
// HEINRICH_SCREENSHOTS=1 (that file is skipped in ordinary test runs); the test
// imports SHOTS from here. To add a picture, append to SHOTS.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const SCREENSHOTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../docs/screenshots');

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** What the screenshot test prepared: the demo seed's ids and the incident it opened. */
export interface ShotData {
  teamId: string;
  serviceId: string;
  scheduleId: string;
  policyId: string;
  userIds: string[];
  /** an acknowledged incident with alerts, timeline and paging explanation */
  incidentId: string;
}

export interface Shot {
  /** file name under docs/screenshots/ */
  file: string;
  viewport: { width: number; height: number };
  /** the page to open, signed in as Alice (admin and lead of the demo team) */
  path(data: ShotData): string;
  /** waits until the page shows what the picture is about (and may scroll or click) */
  ready(page: Page, data: ShotData): Promise<void>;
  /** the whole scrollable page rather than the first screen */
  fullPage?: boolean;
}

const incidentReady = async (page: Page) => {
  await page.getByRole('heading', { name: 'Timeline' }).waitFor();
  await page.getByRole('heading', { name: 'Who was paged and why' }).waitFor();
};

/**
 * The schedule picture shows an override: one for the demo's third person,
 * from tomorrow 10:00 UTC for 30 hours, added once through the API with Alice's session.
 */
const scheduleReady = async (page: Page, data: ShotData) => {
  const added = await page.evaluate(async ({ scheduleId, userId }) => {
    const list = await (await fetch(`/api/v1/schedules/${scheduleId}/overrides`)).json();
    if (list.items.length > 0) return false;
    const start = new Date(Date.now() + 86_400_000);
    start.setUTCHours(10, 0, 0, 0);
    const end = new Date(start.getTime() + 30 * 3_600_000);
    const res = await fetch(`/api/v1/schedules/${scheduleId}/overrides`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId, start: start.toISOString(), end: end.toISOString() }),
    });
    if (!res.ok) throw new Error(`override: ${res.status} ${await res.text()}`);
    return true;
  }, { scheduleId: data.scheduleId, userId: data.userIds[data.userIds.length - 1] });
  if (added) await page.reload();
  await page.getByRole('heading', { name: 'Overrides' }).waitFor();
  await page.getByText('override', { exact: false }).first().waitFor();
};

const policyReady = async (page: Page) => {
  await page.getByRole('table', { name: 'Who would be notified, minute by minute' }).waitFor();
  // on a phone the simulation comes after the editor: show it
  if ((page.viewportSize()?.width ?? 1280) < 700) await page.getByRole('heading', { name: 'Simulation' }).evaluate((h) => h.scrollIntoView());
};

/**
 * The audit log picture shows a change's field-by-field diff: the demo policy's
 * repeat and first delay changed once through the API with Alice's session.
 */
const auditReady = async (page: Page, data: ShotData) => {
  const changed = await page.evaluate(async ({ policyId }) => {
    const log = await (await fetch(`/api/v1/audit-log?entityType=escalation_policy&entityId=${policyId}`)).json();
    if (log.items.some((e: { action: string }) => e.action === 'escalation_policy.update')) return false;
    const policy = await (await fetch(`/api/v1/escalation-policies/${policyId}`)).json();
    const steps = policy.steps.map((s: { delayMinutes: number; targets: { type: string; id: string }[] }, i: number) => ({
      delayMinutes: i === 0 ? s.delayMinutes + 5 : s.delayMinutes,
      targets: s.targets.map((t) => ({ type: t.type, id: t.id })),
    }));
    const res = await fetch(`/api/v1/escalation-policies/${policyId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ repeat: policy.repeat + 1, steps }),
    });
    if (!res.ok) throw new Error(`policy: ${res.status} ${await res.text()}`);
    return true;
  }, { policyId: data.policyId });
  if (changed) await page.reload();
  await page.getByText('Escalation policy updated').first().waitFor();
};

/**
 * hl: the incident list with 50 incidents. Made once through the API with Alice's
 * session: 49 more on the demo service (storm mode off for them, so they stay
 * rows), severities in turn, every 7th acknowledged by Alice.
 */
const incidentListReady = async (page: Page, data: ShotData) => {
  const made = await page.evaluate(async ({ serviceId }) => {
    const post = async (path: string, body: unknown, method = 'POST') => {
      const res = await fetch(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const open = await (await fetch('/api/v1/incidents?limit=100')).json();
    if (open.items.length >= 50) return false;
    await post(`/api/v1/services/${serviceId}`, { noise: { storm: { enabled: false } } }, 'PATCH');
    const alerts = ['KubePodCrashLooping', 'HighErrorRate', 'DiskWillFillIn4Hours', 'PostgresReplicationLag', 'CertificateExpiresSoon', 'QueueBacklogGrowing', 'NodeNotReady'];
    const severities = ['critical', 'warning', 'error', 'info', 'warning', 'critical', 'info'];
    for (let i = open.items.length; i < 50; i++) {
      const title = `${alerts[i % alerts.length]} on collector-${(i * 7) % 23}`;
      const incident = await post('/api/v1/incidents', { serviceId, title, severity: severities[(i * 3) % severities.length] });
      if (i % 7 === 3) await post(`/api/v1/incidents/${incident.id}/acknowledge`, {});
    }
    return true;
  }, { serviceId: data.serviceId });
  if (made) await page.reload();
  await page.getByText('50 incidents').waitFor({ timeout: 60_000 });
};

export const SHOTS: Shot[] = [
  { file: 'incident-list.png', viewport: DESKTOP, path: () => '/', ready: incidentListReady },
  { file: 'incident-list-phone.png', viewport: PHONE, path: () => '/', ready: incidentListReady },
  { file: 'incident-desktop.png', viewport: DESKTOP, path: (d) => `/incidents/${d.incidentId}`, ready: incidentReady },
  { file: 'incident-phone.png', viewport: PHONE, path: (d) => `/incidents/${d.incidentId}`, ready: incidentReady },
  { file: 'schedule-desktop.png', viewport: DESKTOP, path: (d) => `/schedules/${d.scheduleId}`, ready: scheduleReady },
  { file: 'schedule-phone.png', viewport: PHONE, path: (d) => `/schedules/${d.scheduleId}`, ready: scheduleReady },
  { file: 'policy-desktop.png', viewport: DESKTOP, path: (d) => `/policies/${d.policyId}`, ready: policyReady },
  { file: 'policy-phone.png', viewport: PHONE, path: (d) => `/policies/${d.policyId}`, ready: policyReady },
  { file: 'audit-log.png', viewport: DESKTOP, path: () => '/audit-log', ready: auditReady },
];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = spawnSync('npx', ['vitest', 'run', '--project', 'integration', 'test/web/screenshots.int.test.ts'], {
    cwd: join(dirname(fileURLToPath(import.meta.url)), '..'),
    stdio: 'inherit',
    env: { ...process.env, HEINRICH_SCREENSHOTS: '1' },
  });
  process.exit(result.status ?? 1);
}
