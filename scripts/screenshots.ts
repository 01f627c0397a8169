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

export const SHOTS: Shot[] = [
  { file: 'incident-desktop.png', viewport: DESKTOP, path: (d) => `/incidents/${d.incidentId}`, ready: incidentReady },
  { file: 'incident-phone.png', viewport: PHONE, path: (d) => `/incidents/${d.incidentId}`, ready: incidentReady },
];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = spawnSync('npx', ['vitest', 'run', '--project', 'integration', 'test/web/screenshots.int.test.ts'], {
    cwd: join(dirname(fileURLToPath(import.meta.url)), '..'),
    stdio: 'inherit',
    env: { ...process.env, HEINRICH_SCREENSHOTS: '1' },
  });
  process.exit(result.status ?? 1);
}
