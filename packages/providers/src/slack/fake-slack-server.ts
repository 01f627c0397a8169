import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call as the fake received it: the method and its arguments (blocks parsed back from JSON). */
export interface FakeSlackCall {
  method: string;
  args: Record<string, unknown>;
  token: string | null;
  at: Date;
}

/** What the next call of a method answers instead of success. */
export type FakeSlackFailure = { status: 429; retryAfterSeconds: number } | { error: string } | { status: number };

export interface FakeSlackUser {
  id: string;
  email?: string;
  name?: string;
}

/**
 * A Slack Web API on loopback for tests and local runs (real HTTP, so the real
 * @slack/web-api client talks to it via SLACK_API_URL = `fake.apiUrl`).
 * Answers chat.postMessage / chat.update / chat.postEphemeral,
 * conversations.open, users.info and users.lookupByEmail like Slack does,
 * records every call, and can fail the next calls of a method (429 with
 * Retry-After, `ok:false` errors such as channel_not_found, HTTP 5xx). Also
 * receives `response_url` posts at `fake.responseUrl(name)`.
 */
export interface FakeSlackServer {
  /** e.g. http://127.0.0.1:41234/api/ */
  apiUrl: string;
  calls: FakeSlackCall[];
  /** POSTs to response URLs: the name in the URL and the JSON body */
  responses: { name: string; body: Record<string, unknown> }[];
  users: Map<string, FakeSlackUser>;
  /** the next `times` calls of `method` (whose arguments `match`, if given) fail this way */
  failNext(method: string, failure: FakeSlackFailure, times?: number, match?: (args: Record<string, unknown>) => boolean): void;
  responseUrl(name: string): string;
  callsOf(method: string): FakeSlackCall[];
  close(): Promise<void>;
}

const JSON_ARGS = new Set(['blocks', 'attachments', 'metadata']);

export async function startFakeSlackServer(opts: { users?: FakeSlackUser[] } = {}): Promise<FakeSlackServer> {
  const calls: FakeSlackCall[] = [];
  const responses: FakeSlackServer['responses'] = [];
  const users = new Map((opts.users ?? []).map((u) => [u.id, u]));
  const failures = new Map<string, { failure: FakeSlackFailure; match?: (args: Record<string, unknown>) => boolean }[]>();
  let tsCounter = 0;
  const nextTs = () => `${1_700_000_000 + Math.floor(tsCounter / 1000)}.${String(++tsCounter).padStart(6, '0')}`;

  const server: Server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (url.pathname.startsWith('/response/')) {
        responses.push({ name: decodeURIComponent(url.pathname.slice('/response/'.length)), body: safeJson(raw) });
        return send(200, { ok: true });
      }
      if (!url.pathname.startsWith('/api/')) return send(404, { ok: false, error: 'unknown_method' });
      const method = url.pathname.slice('/api/'.length);
      const args = parseArgs(raw, req.headers['content-type'] ?? '');
      const auth = req.headers.authorization;
      calls.push({ method, args, token: auth?.startsWith('Bearer ') ? auth.slice(7) : ((args.token as string | undefined) ?? null), at: new Date() });

      const pending = failures.get(method) ?? [];
      const index = pending.findIndex((f) => !f.match || f.match(args));
      const failure = index === -1 ? undefined : pending.splice(index, 1)[0]!.failure;
      if (failure) {
        if ('error' in failure) return send(200, { ok: false, error: failure.error });
        if (failure.status === 429 && 'retryAfterSeconds' in failure) return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfterSeconds) });
        return send(failure.status, { ok: false, error: 'fake_http_error' });
      }
      switch (method) {
        case 'chat.postMessage': {
          const channel = String(args.channel ?? '');
          if (!channel) return send(200, { ok: false, error: 'channel_not_found' });
          // posting to a user id lands in the app's DM with them
          const posted = /^[UW]/.test(channel) ? `D${channel.slice(1)}` : channel;
          return send(200, { ok: true, channel: posted, ts: nextTs(), message: { text: args.text } });
        }
        case 'chat.update':
          if (/^[UW]/.test(String(args.channel))) return send(200, { ok: false, error: 'channel_not_found' });
          return send(200, { ok: true, channel: args.channel, ts: args.ts, text: args.text });
        case 'chat.postEphemeral':
          return send(200, { ok: true, message_ts: nextTs() });
        case 'conversations.open': {
          const user = String(args.users ?? '').split(',')[0] ?? '';
          if (!/^[UW]/.test(user)) return send(200, { ok: false, error: 'user_not_found' });
          return send(200, { ok: true, channel: { id: `D${user.slice(1)}` } });
        }
        case 'users.info': {
          const u = users.get(String(args.user));
          if (!u) return send(200, { ok: false, error: 'user_not_found' });
          return send(200, { ok: true, user: { id: u.id, name: u.name ?? u.id, profile: { email: u.email } } });
        }
        case 'users.lookupByEmail': {
          const email = String(args.email ?? '').toLowerCase();
          const u = [...users.values()].find((x) => x.email?.toLowerCase() === email);
          if (!u) return send(200, { ok: false, error: 'users_not_found' });
          return send(200, { ok: true, user: { id: u.id, name: u.name ?? u.id, profile: { email: u.email } } });
        }
        case 'auth.test':
          return send(200, { ok: true, user_id: 'UBOT', team_id: 'T0001' });
        default:
          return send(200, { ok: false, error: 'unknown_method' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    apiUrl: `${base}/api/`,
    calls,
    responses,
    users,
    failNext(method, failure, times = 1, match) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push({ failure, match });
      failures.set(method, list);
    },
    responseUrl: (name) => `${base}/response/${encodeURIComponent(name)}`,
    callsOf: (method) => calls.filter((c) => c.method === method),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  const out: Record<string, unknown> = contentType.includes('application/json') ? safeJson(raw) : Object.fromEntries(new URLSearchParams(raw));
  for (const key of JSON_ARGS) {
    if (typeof out[key] === 'string') out[key] = safeJson(out[key] as string);
  }
  return out;
}

function safeJson(raw: string): Record<string, unknown> {
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return {};
  }
}
