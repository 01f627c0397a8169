// pingHeartbeatUrl against a local receiver: POST with an empty body, any 2xx counts,
// redirects and errors are failures that name the status or error code, never the URL.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pingHeartbeatUrl } from './ping-heartbeat-url';

const TOKEN = 'hb_secret-0123456789';
let server: Server;
let base: string;
const seen: { method: string; url: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', body });
      if (req.url?.startsWith('/ok')) return res.writeHead(202).end('PONG');
      if (req.url?.startsWith('/moved')) return res.writeHead(302, { location: `http://elsewhere.invalid/${TOKEN}` }).end();
      if (req.url?.startsWith('/slow')) return; // never answers
      res.writeHead(500).end(`no ${TOKEN}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** a loopback port nothing listens on (fetch refuses "bad ports" such as 9 before connecting) */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

describe('pingHeartbeatUrl', () => {
  it('POSTs an empty body; a 2xx is a success', async () => {
    expect(await pingHeartbeatUrl(`${base}/ok/${TOKEN}?apiKey=${TOKEN}`, { timeoutMs: 5_000 })).toEqual({ ok: true, status: 202 });
    expect(seen.at(-1)).toEqual({ method: 'POST', url: `/ok/${TOKEN}?apiKey=${TOKEN}`, body: '' });
  });

  it('a 5xx, a redirect, a timeout or a closed port is a failure naming what happened, never the URL', async () => {
    const results = [
      await pingHeartbeatUrl(`${base}/fail/${TOKEN}`, { timeoutMs: 5_000 }),
      await pingHeartbeatUrl(`${base}/moved/${TOKEN}`, { timeoutMs: 5_000 }),
      await pingHeartbeatUrl(`${base}/slow/${TOKEN}`, { timeoutMs: 200 }),
      await pingHeartbeatUrl(`http://127.0.0.1:${await closedPort()}/${TOKEN}`, { timeoutMs: 5_000 }),
    ];
    expect(results).toEqual([
      { ok: false, error: 'HTTP 500' },
      { ok: false, error: 'HTTP 302' },
      { ok: false, error: 'no answer within 200 ms' },
      { ok: false, error: 'ECONNREFUSED' },
    ]);
    for (const r of results) expect(JSON.stringify(r)).not.toContain(TOKEN);
  });
});
