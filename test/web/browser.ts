// The browser-test harness: the real web build (apps/web/dist, built here when
// it is missing or older than its sources) served by the real api (startTestApi:
// real Postgres and Redis), driven by the system's Chromium through playwright-core.
//
//   const web = await startWeb();
//   const page = await web.newPage(PHONE);
//   await signInAs(page, await web.api.createUser({ teams: { [teamId]: 'responder' } }));
//   ...
//   await web.close();
//
// Prefer getByRole/getByLabel in tests: it also proves the controls are labelled.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApi, type TestApi } from '../support/api-server';

export const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../apps/web');
export const WEB_DIST = join(WEB_DIR, 'dist');
/** Debian's chromium (apt-get install chromium); scripts/test.sh installs it when missing */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export interface WebWorld {
  api: TestApi;
  /** http://127.0.0.1:<port>, also the api's PUBLIC_URL (so the page's Origin is accepted) */
  baseUrl: string;
  browser: Browser;
  /** a fresh browser context (no cookies) and page; phones get touch and a phone's scale */
  newPage(viewport?: { width: number; height: number }, opts?: { timezoneId?: string }): Promise<Page>;
  close(): Promise<void>;
}

/** Builds the web app unless dist/ is newer than every source file (one build per change, not per test file). */
export function ensureWebBuild(): void {
  const index = join(WEB_DIST, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource()) return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: WEB_DIR, stdio: 'inherit' });
}

function newestSource(): number {
  let newest = 0;
  const visit = (path: string) => {
    const s = statSync(path);
    if (s.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, s.mtimeMs);
  };
  for (const p of ['src', 'index.html', 'vite.config.ts', 'package.json']) {
    const path = join(WEB_DIR, p);
    if (existsSync(path)) visit(path);
  }
  return newest;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startWeb(opts: { env?: Record<string, string>; now?: () => Date } = {}): Promise<WebWorld> {
  ensureWebBuild();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = await startTestApi({ port, env: { PUBLIC_URL: baseUrl, WEB_DIST_DIR: WEB_DIST, ...opts.env }, ...(opts.now ? { now: opts.now } : {}) });
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // root in a container: Chromium's sandbox needs user namespaces we may not have
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    });
  } catch (err) {
    await api.close();
    throw err;
  }
  return {
    api,
    baseUrl,
    browser,
    async newPage(viewport = DESKTOP, pageOpts = {}) {
      const phone = viewport.width < 700;
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport,
        ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
        timezoneId: pageOpts.timezoneId ?? 'Europe/Berlin',
        locale: 'en-GB',
      });
      return context.newPage();
    },
    async close() {
      await browser.close().catch(() => {});
      await api.close();
    },
  };
}

/** Signs in through the sign-in page and waits for the first signed-in page. */
export async function signInAs(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // the shell's top bar (its nav is a collapsed menu on phones, hidden from role queries)
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  await page.locator('header.topbar').waitFor();
}
