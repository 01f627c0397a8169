// A fake Twilio REST API on 127.0.0.1 (real HTTP): the real twilio client,
// pointed at it with TWILIO_API_BASE_URL, creates Messages and Calls here; they
// are recorded, or answered with a scripted error (21211, 429, 500). It also
// plays Twilio's side of the webhooks: status callbacks, inbound SMS, answering
// a call (fetching its TwiML) and pressing keys, each POSTed as a form to
// Heinrich and signed exactly as Twilio signs: X-Twilio-Signature =
// base64(HMAC-SHA1(auth token, public URL + sorted name+value pairs)).
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_ACCOUNT_SID = `AC${'0'.repeat(32)}`;
export const FAKE_AUTH_TOKEN = 'fake-twilio-auth-token';
export const FAKE_FROM = '+15005550006';

export interface FakeMessage {
  sid: string;
  to: string;
  from: string | undefined;
  body: string;
  statusCallback: string | undefined;
  params: Record<string, string>;
}

export interface FakeCall {
  sid: string;
  to: string;
  from: string;
  url: string | undefined;
  twiml: string | undefined;
  statusCallback: string | undefined;
  statusCallbackEvent: string[];
  params: Record<string, string>;
}

/** A scripted refusal for requests to one number. */
export interface FakeError {
  status: number;
  code?: number;
  message?: string;
  retryAfter?: string;
  /** how many requests it answers (default: all) */
  times?: number;
}

/** Signs as Twilio does (PROTOCOLS.md 3.6): the URL, then each param name+value with names sorted. */
export function twilioSign(authToken: string, url: string, params: Record<string, string>): string {
  const data = url + Object.keys(params).sort().map((k) => k + params[k]).join('');
  return createHmac('sha1', authToken).update(data).digest('base64');
}

export interface FakeTwilio {
  /** TWILIO_API_BASE_URL */
  url: string;
  /** where Heinrich's api listens (set once it runs: the api needs this fake's URL first) */
  heinrichUrl: string;
  messages: FakeMessage[];
  calls: FakeCall[];
  /** REST requests seen (method, path, authorized) */
  requests: { method: string; path: string; authorized: boolean }[];
  /** answer requests to `to` with this error */
  fail(to: string, error: FakeError): void;
  /**
   * POSTs a signed form to Heinrich: `publicUrl` is what Twilio was given
   * (and signs), the request goes to the same path and query on `heinrichUrl`.
   * `signature` overrides the header (null: none).
   */
  post(publicUrl: string, params: Record<string, string>, opts?: { signature?: string | null }): Promise<{ status: number; text: string }>;
  /** a message's status callback */
  messageStatus(m: FakeMessage, status: string, extra?: Record<string, string>): Promise<{ status: number; text: string }>;
  /** a call's status callback */
  callStatus(c: FakeCall, status: string, extra?: Record<string, string>): Promise<{ status: number; text: string }>;
  /** an SMS from `from` to our number, to the inbound webhook */
  inboundSms(smsWebhookUrl: string, from: string, body: string, opts?: { signature?: string | null }): Promise<{ status: number; text: string }>;
  /** the call is answered: Twilio fetches its TwiML */
  answer(c: FakeCall): Promise<{ status: number; text: string }>;
  /** a key pressed in the Gather of `twiml`: posted to its action URL */
  press(c: FakeCall, twiml: string, digits: string): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

function sid(prefix: string): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

export async function startFakeTwilio(opts: { heinrichUrl?: string; authToken?: string; accountSid?: string } = {}): Promise<FakeTwilio> {
  const authToken = opts.authToken ?? FAKE_AUTH_TOKEN;
  const accountSid = opts.accountSid ?? FAKE_ACCOUNT_SID;
  const messages: FakeMessage[] = [];
  const calls: FakeCall[] = [];
  const requests: FakeTwilio['requests'] = [];
  const errors = new Map<string, FakeError>();
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const authorized = req.headers.authorization === expectedAuth;
      requests.push({ method: req.method ?? '', path, authorized });
      const form = new URLSearchParams(raw);
      const params = Object.fromEntries(form.entries());
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (!authorized) return json(401, { code: 20003, message: 'Authenticate', status: 401 });
      const kind = /\/Accounts\/[^/]+\/(Messages|Calls)\.json$/.exec(path)?.[1];
      if (req.method !== 'POST' || !kind) return json(404, { code: 20404, message: `not found: ${path}`, status: 404 });
      const to = params.To ?? '';
      const err = errors.get(to);
      if (err) {
        if (err.times !== undefined && --err.times <= 0) errors.delete(to);
        return json(err.status, { code: err.code ?? err.status, message: err.message ?? 'scripted error', status: err.status }, err.retryAfter ? { 'retry-after': err.retryAfter } : {});
      }
      if (kind === 'Messages') {
        const m: FakeMessage = { sid: sid('SM'), to, from: params.From, body: params.Body ?? '', statusCallback: params.StatusCallback, params };
        messages.push(m);
        return json(201, { sid: m.sid, account_sid: accountSid, to, from: m.from ?? null, body: m.body, status: 'queued', num_segments: '1', api_version: '2010-04-01' });
      }
      const c: FakeCall = {
        sid: sid('CA'),
        to,
        from: params.From ?? '',
        url: params.Url,
        twiml: params.Twiml,
        statusCallback: params.StatusCallback,
        statusCallbackEvent: form.getAll('StatusCallbackEvent'),
        params,
      };
      calls.push(c);
      return json(201, { sid: c.sid, account_sid: accountSid, to, from: c.from, status: 'queued', direction: 'outbound-api', api_version: '2010-04-01' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const post: FakeTwilio['post'] = async (publicUrl, params, o = {}) => {
    const u = new URL(publicUrl);
    const signature = o.signature === undefined ? twilioSign(authToken, publicUrl, params) : o.signature;
    const res = await fetch(`${fake.heinrichUrl}${u.pathname}${u.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'TwilioProxy/1.1', ...(signature === null ? {} : { 'x-twilio-signature': signature }) },
      body: new URLSearchParams(params).toString(),
    });
    return { status: res.status, text: await res.text() };
  };

  const callParams = (c: FakeCall, status: string) => ({ CallSid: c.sid, AccountSid: accountSid, From: c.from, To: c.to, CallStatus: status, Direction: 'outbound-api', ApiVersion: '2010-04-01' });

  const fake: FakeTwilio = {
    url: `http://127.0.0.1:${port}`,
    heinrichUrl: opts.heinrichUrl ?? '',
    messages,
    calls,
    requests,
    fail(to, error) {
      errors.set(to, { ...error });
    },
    post,
    messageStatus(m, status, extra = {}) {
      if (!m.statusCallback) throw new Error(`message ${m.sid} has no status callback`);
      return post(m.statusCallback, { MessageSid: m.sid, SmsSid: m.sid, MessageStatus: status, SmsStatus: status, AccountSid: accountSid, From: m.from ?? '', To: m.to, ApiVersion: '2010-04-01', ...extra });
    },
    callStatus(c, status, extra = {}) {
      if (!c.statusCallback) throw new Error(`call ${c.sid} has no status callback`);
      return post(c.statusCallback, { ...callParams(c, status), CallbackSource: 'call-progress-events', SequenceNumber: '3', ...extra });
    },
    inboundSms(url, from, body, o) {
      const s = sid('SM');
      return post(url, { MessageSid: s, SmsSid: s, AccountSid: accountSid, From: from, To: FAKE_FROM, Body: body, NumMedia: '0', NumSegments: '1', ApiVersion: '2010-04-01' }, o);
    },
    answer(c) {
      if (!c.url) throw new Error(`call ${c.sid} has no TwiML URL`);
      return post(c.url, callParams(c, 'in-progress'));
    },
    press(c, twiml, digits) {
      const action = /<Gather[^>]* action="([^"]+)"/.exec(twiml)?.[1];
      if (!action) throw new Error(`no <Gather action> in ${twiml}`);
      return post(action.replaceAll('&amp;', '&'), { ...callParams(c, 'in-progress'), Digits: digits, FinishedOnKey: '' });
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  return fake;
}
