// The api serving the built UI (apps/api/src/http/serve-web.ts), without a browser:
// deep links get index.html, API and health paths keep their own answers, every
// answer carries the security headers, and an api without a build serves nothing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_ADMIN_KEY, type TestApi } from '../support/api-server';

describe('the api serves the web build', () => {
  let dir: string;
  let api: TestApi;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'heinrich-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Heinrich</title><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("hi")');
    api = await startTestApi({ env: { WEB_DIST_DIR: dir } });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers deep links with index.html, uncached', async () => {
    for (const path of ['/', '/incidents/42', '/accept-invite', '/schedules/abc?x=1']) {
      const res = await fetch(`${api.baseUrl}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toContain('text/html');
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('serves hashed assets with a long cache, and a missing asset is a 404, not the page', async () => {
    const asset = await fetch(`${api.baseUrl}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const missing = await fetch(`${api.baseUrl}/assets/gone-000.js`);
    expect(missing.status).toBe(404);
  });

  it('leaves the API, health and metrics alone', async () => {
    const unknown = await api.request('GET', '/api/v1/nope');
    expect(unknown.status).toBe(401);
    const unknownRoot = await api.request('GET', '/api/nope');
    expect(unknownRoot.status).toBe(404);
    expect(unknownRoot.body.error.code).toBe('not_found');
    expect((await api.request('GET', '/healthz')).status).toBe(200);
    const post = await api.request('POST', '/incidents', {});
    expect(post.status).toBe(404);
  });

  it('sends CSP, frame, sniffing and referrer headers on the page, its assets and API answers alike', async () => {
    const csp = [
      "default-src 'self'",
      "script-src 'self'",
      "script-src-attr 'none'",
      "style-src 'self'",
      "connect-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join(';');
    const answers = {
      page: await fetch(`${api.baseUrl}/incidents/42`),
      asset: await fetch(`${api.baseUrl}/assets/index-abc123.js`),
      json: await fetch(`${api.baseUrl}/api/v1/services`, { headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` } }),
      unauthenticated: await fetch(`${api.baseUrl}/api/v1/services`),
      notFound: await fetch(`${api.baseUrl}/api/nope`),
      health: await fetch(`${api.baseUrl}/healthz`),
    };
    for (const [what, res] of Object.entries(answers)) {
      expect(res.headers.get('content-security-policy'), what).toBe(csp);
      expect(res.headers.get('x-frame-options'), what).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), what).toBe('same-origin');
      expect(res.headers.get('x-powered-by'), what).toBeNull();
    }
  });

  it('serves nothing without a build', async () => {
    const bare = await startTestApi({ env: { WEB_DIST_DIR: join(dir, 'missing') } });
    try {
      const res = await bare.request('GET', '/incidents');
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    } finally {
      await bare.close();
    }
  });
});
