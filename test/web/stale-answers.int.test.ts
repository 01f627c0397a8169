// A late answer for the page the user left must never show on the page they are on.
// The api's answers for the first user are held back (Playwright's page.route, so
// only that user's requests wait); the admin moves to a second user's page inside
// the same route (/users/:id, the page component stays mounted) before they come.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, startWeb, type WebWorld } from './browser';

const HOLD_MS = 2_500;

describe('moving quickly between two user pages (web UI)', () => {
  let web: WebWorld;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  it("never shows the first user's name or contact methods on the second user's page, even when the first answers late", async () => {
    const admin = await web.api.createUser({ name: 'Ada Admin', role: 'admin' });
    const first = await web.api.createUser({ name: 'Frieda First' });
    const fm = await first.call('POST', `/api/v1/users/${first.id}/contact-methods`, { type: 'log', value: 'frieda-laptop' });
    expect(fm.status).toBe(201);
    const am = await admin.call('POST', `/api/v1/users/${admin.id}/contact-methods`, { type: 'log', value: 'ada-desk' });
    expect(am.status).toBe(201);

    const page = await web.newPage();
    await signInAs(page, admin);

    // every request about the first user waits; `answered` settles once the last one got its answer (or was given up)
    const held: Promise<void>[] = [];
    await page.route(
      (url) => url.pathname.startsWith(`/api/v1/users/${first.id}`),
      (route) => {
        const done = (async () => {
          await new Promise((r) => setTimeout(r, HOLD_MS));
          // the page may have cancelled the request meanwhile: then there is nothing to answer
          await route.continue().catch(() => {});
        })();
        held.push(done);
        return done;
      },
    );

    // records, at every change of the DOM, whether the second user's page shows anything of the first user
    await page.evaluate(
      ({ secondPath, needles }) => {
        const w = window as unknown as { __stale: string[] };
        w.__stale = [];
        const check = () => {
          if (window.location.pathname !== secondPath) return;
          const text = document.querySelector('main')?.textContent ?? '';
          for (const n of needles) if (text.includes(n)) w.__stale.push(n);
        };
        new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
      },
      { secondPath: `/users/${admin.id}`, needles: ['Frieda First', 'frieda-laptop'] },
    );

    // in-app navigation (no reload): the first user's page, then at once the second's
    await page.evaluate((path) => {
      window.history.pushState({}, '', path);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, `/users/${first.id}`);
    await expect.poll(() => held.length).toBeGreaterThan(0);
    await page.locator('header.topbar .whoami').getByRole('link', { name: 'Ada Admin' }).click();
    await page.waitForURL((url) => url.pathname === `/users/${admin.id}`);
    await page.getByRole('heading', { name: /Ada Admin/, level: 1 }).waitFor();
    await page.getByText('ada-desk').first().waitFor();

    // until every held answer has certainly arrived and been handled, sample the DOM too
    const samples: string[] = [];
    let settled = false;
    const all = Promise.all(held).then(() => {
      settled = true;
    });
    while (!settled) {
      samples.push((await page.locator('main').textContent()) ?? '');
      await new Promise((r) => setTimeout(r, 50));
    }
    await all;
    await new Promise((r) => setTimeout(r, 1_000));
    samples.push((await page.locator('main').textContent()) ?? '');

    const stale = await page.evaluate(() => (window as unknown as { __stale: string[] }).__stale);
    expect(stale).toEqual([]);
    for (const text of samples) {
      expect(text).not.toContain('Frieda First');
      expect(text).not.toContain('frieda-laptop');
    }
    expect(samples.at(-1)).toContain('Ada Admin');
    expect(samples.at(-1)).toContain('ada-desk');
  });
});
