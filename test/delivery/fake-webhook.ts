import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  at: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the fake answers next: a status (with headers), or `hang` (never answers: a timeout). */
export type FakeAnswer = { status: number; headers?: Record<string, string> } | 'hang';

/**
 * A webhook receiver on 127.0.0.1 (a real HTTP server): answers each call with
 * the next scripted answer, then 200; records every call.
 */
export async function startFakeWebhook(): Promise<{ url: string; calls: ReceivedCall[]; script(...answers: FakeAnswer[]): void; close(): Promise<void> }> {
  const calls: ReceivedCall[] = [];
  let answers: FakeAnswer[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      calls.push({ at: Date.now(), headers: req.headers, body });
      const answer = answers.shift() ?? { status: 200 };
      if (answer === 'hang') return; // never answers; closed with the server
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    calls,
    script(...a) {
      answers = a;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
