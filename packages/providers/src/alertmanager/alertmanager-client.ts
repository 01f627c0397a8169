import { redactSecrets } from '@heinrich/core/delivery/redact-secrets';

/**
 * A small client of Alertmanager's v2 API (plain fetch): create and expire
 * silences, read one silence, list alerts. Each call takes the Alertmanager's
 * base URL and credentials, because they come from the integration key that
 * sent the incident's alerts, not from process configuration.
 */

/** How to authenticate to an Alertmanager (integration_keys.alertmanager_auth). */
export type AlertmanagerAuth = { type: 'bearer'; token: string } | { type: 'basic'; username: string; password: string };

export interface AlertmanagerTarget {
  /** base URL, e.g. http://alertmanager:9093 (a path prefix such as /am is kept) */
  url: string;
  auth?: AlertmanagerAuth | null;
}

/** Alertmanager's matcher; we only ever write exact equality matchers. */
export interface SilenceMatcher {
  name: string;
  value: string;
  isRegex: boolean;
  isEqual: boolean;
}

export interface NewSilence {
  matchers: SilenceMatcher[];
  startsAt: Date;
  endsAt: Date;
  createdBy: string;
  comment: string;
}

export interface SilenceState {
  id: string;
  state: 'pending' | 'active' | 'expired';
  endsAt: Date;
}

/** An alert as GET /api/v2/alerts lists it (the fields we read). */
export interface AlertmanagerAlertState {
  fingerprint: string;
  startsAt: Date;
  labels: Record<string, string>;
  state: string;
}

export interface AlertmanagerClient {
  createSilence(target: AlertmanagerTarget, silence: NewSilence): Promise<{ silenceId: string }>;
  /** expires the silence; an unknown or already expired silence is not an error */
  expireSilence(target: AlertmanagerTarget, silenceId: string): Promise<void>;
  /** null when Alertmanager does not know the id */
  getSilence(target: AlertmanagerTarget, silenceId: string): Promise<SilenceState | null>;
  /** when this Alertmanager process started (GET /api/v2/status `uptime`) */
  getStartedAt(target: AlertmanagerTarget): Promise<Date>;
  /** active, silenced, inhibited and unprocessed alerts matching every matcher (resolved ones are never listed) */
  listAlerts(target: AlertmanagerTarget, matchers: SilenceMatcher[]): Promise<AlertmanagerAlertState[]>;
}

/** Any failure talking to Alertmanager, with a message a person can act on. */
export class AlertmanagerError extends Error {
  constructor(
    message: string,
    /** the HTTP status Alertmanager answered, if it answered */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AlertmanagerError';
  }
}

/**
 * The client. `timeoutMs` bounds every call (default 2.5 s: a Slack click must
 * be answered within 3 s, and an Alertmanager on the network answers in ms).
 */
export function createAlertmanagerClient(opts: { timeoutMs?: number; fetch?: typeof fetch } = {}): AlertmanagerClient {
  const timeoutMs = opts.timeoutMs ?? 2_500;
  const doFetch = opts.fetch ?? fetch;

  async function call(target: AlertmanagerTarget, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const url = apiUrl(target.url, path);
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'Heinrich' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const auth = authorizationHeader(target.auth);
    if (auth) headers.authorization = auth;
    let res: Response;
    try {
      res = await doFetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? 'connection failed');
      throw new AlertmanagerError(`Alertmanager at ${where(target)} could not be reached (${method} ${path.split('?')[0]}): ${why}`);
    }
    const text = await res.text().catch(() => '');
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, json };
  }

  // the answer's body is never repeated: it is the remote server's text (whatever that server is), and errors reach every responder
  function refuse(target: AlertmanagerTarget, what: string, r: { status: number; json: unknown }): never {
    const hint =
      r.status === 401 || r.status === 403
        ? " (check the integration key's Alertmanager credentials)"
        : r.status === 200
          ? ' (the answer was not what Alertmanager answers: check the integration key\'s Alertmanager URL)'
          : r.status === 404
            ? " (not found: check the integration key's Alertmanager URL)"
            : '';
    throw new AlertmanagerError(`Alertmanager at ${where(target)} refused to ${what}: HTTP ${r.status}${hint}`, r.status);
  }

  return {
    async createSilence(target, s) {
      const r = await call(target, 'POST', 'silences', {
        matchers: s.matchers,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        createdBy: s.createdBy,
        comment: s.comment,
      });
      const id = (r.json as { silenceID?: unknown } | undefined)?.silenceID;
      if (r.status !== 200 || typeof id !== 'string') refuse(target, 'create a silence', r);
      return { silenceId: id };
    },
    async expireSilence(target, silenceId) {
      const r = await call(target, 'DELETE', `silence/${encodeURIComponent(silenceId)}`);
      if (r.status === 200 || r.status === 404) return;
      // expiring an expired silence is a 200; an unknown id (Alertmanager restarted without its
      // data) is a 500 "silence not found" in 0.25: either way nothing is left to expire
      if (r.status === 500 && typeof r.json === 'string' && /not found|already expired/i.test(r.json)) return;
      refuse(target, `expire silence ${silenceId}`, r);
    },
    async getSilence(target, silenceId) {
      const r = await call(target, 'GET', `silence/${encodeURIComponent(silenceId)}`);
      if (r.status === 404) return null;
      const s = r.json as { id?: string; status?: { state?: string }; endsAt?: string } | undefined;
      if (r.status !== 200 || !s?.id || !s.endsAt) refuse(target, `read silence ${silenceId}`, r);
      return { id: s.id, state: (s.status?.state ?? 'active') as SilenceState['state'], endsAt: new Date(s.endsAt) };
    },
    async getStartedAt(target) {
      const r = await call(target, 'GET', 'status');
      const uptime = (r.json as { uptime?: unknown } | undefined)?.uptime;
      if (r.status !== 200 || typeof uptime !== 'string' || Number.isNaN(Date.parse(uptime))) refuse(target, 'tell its status', r);
      return new Date(uptime);
    },
    async listAlerts(target, matchers) {
      const q = new URLSearchParams({ active: 'true', silenced: 'true', inhibited: 'true', unprocessed: 'true' });
      for (const m of matchers) q.append('filter', matcherFilter(m));
      const r = await call(target, 'GET', `alerts?${q.toString()}`);
      if (r.status !== 200 || !Array.isArray(r.json)) refuse(target, 'list alerts', r);
      return (r.json as { fingerprint: string; startsAt: string; labels?: Record<string, string>; status?: { state?: string } }[]).map((a) => ({
        fingerprint: a.fingerprint,
        startsAt: new Date(a.startsAt),
        labels: a.labels ?? {},
        state: a.status?.state ?? 'unknown',
      }));
    },
  };
}

/** The Alertmanager as errors name it: its configured URL without credentials, query or fragment. */
function where(target: AlertmanagerTarget): string {
  try {
    const u = new URL(target.url);
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return redactSecrets(target.url);
  }
}

/** `<base>/api/v2/<path>`, keeping a path prefix of the base (Alertmanager behind /alertmanager). */
export function apiUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/api/v2/${path}`;
}

/** A filter of GET /api/v2/alerts: `name="value"` with `"` and `\` escaped (Alertmanager's matcher syntax). */
export function matcherFilter(m: SilenceMatcher): string {
  const op = m.isRegex ? (m.isEqual ? '=~' : '!~') : m.isEqual ? '=' : '!=';
  return `${m.name}${op}"${m.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function authorizationHeader(auth: AlertmanagerAuth | null | undefined): string | undefined {
  if (!auth) return undefined;
  if (auth.type === 'bearer') return `Bearer ${auth.token}`;
  return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
}
