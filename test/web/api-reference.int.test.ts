// The API reference (GET /api/v1/docs: Swagger UI, served by the api from
// node_modules) in a real Chromium, under the api's Content-Security-Policy: it
// loads /api/v1/openapi.json and draws the operations, with no CSP violation and
// no request to another origin; and the web UI links to it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, startWeb, type WebWorld } from './browser';

describe('the API reference page', () => {
  let web: WebWorld;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  /** CSP violations (event and console) and requests that left the api's origin */
  async function watch(page: Page): Promise<{ violations: string[]; elsewhere: string[] }> {
    const violations: string[] = [];
    const elsewhere: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== web.baseUrl && url.protocol !== 'data:') elsewhere.push(request.url());
    });
    await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(
          `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
        );
      });
    });
    return { violations, elsewhere };
  }

  it('draws the operations of the document, with no credential and no CSP violation', async () => {
    const page = await web.newPage();
    const seen = await watch(page);
    const response = await page.goto('/api/v1/docs');
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: /Heinrich HTTP API/ }).waitFor();
    // an operation of each kind: the admin API, an integration, an operation opened to its responses
    await page.locator('.opblock-summary-path', { hasText: /^\/api\/v1\/incidents$/ }).first().waitFor();
    await page.locator('.opblock-summary-path', { hasText: '/api/v1/integrations/alertmanager' }).first().waitFor();
    const explain = page.locator('.opblock', { has: page.locator('.opblock-summary-path', { hasText: /^\/api\/v1\/incidents\/\{id\}\/explain$/ }) });
    await explain.locator('.opblock-summary-control').click();
    // its 200's example, drawn from the Explanation schema
    await expect.poll(() => explain.innerText()).toContain('"reasons"');
    // the stylesheet applied (it is a file of the api, allowed by style-src 'self')
    expect(await page.locator('.swagger-ui .opblock.opblock-get').first().evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');

    expect(seen.violations).toEqual([]);
    expect(seen.elsewhere).toEqual([]);
  });

  it('is linked from the signed-in UI as "API reference"', async () => {
    const rita = await web.api.createUser({ name: 'Rita Reader' });
    const page = await web.newPage();
    await signInAs(page, rita);
    await page.getByRole('link', { name: 'API reference' }).click();
    await page.waitForURL((url) => url.pathname === '/api/v1/docs');
    await page.locator('.opblock-summary-path', { hasText: /^\/api\/v1\/incidents$/ }).first().waitFor();
  });
});
