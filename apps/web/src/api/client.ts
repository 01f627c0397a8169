// The one way the UI talks to the api: same-origin fetch with the session cookie,
// JSON in and out. Paths are relative to /api/v1 ('/incidents'); a path that
// already starts with /api/ is used as it is. A 401 (session expired or signed
// out) sends the user to the sign-in page; every other failure is an ApiError
// carrying the API's error body ({"error":{code,message,fields}}). A request
// given an AbortSignal (TanStack Query passes one to every query) is cancelled
// when the signal fires: the query's page was left, or its key (the id) changed,
// so its late answer is never read. Pages do not call this module: they use the
// resource modules next to it (api/users.ts, api/incidents.ts, ...).
import { formatApiMessage } from '../lib/api-message';

export interface FieldProblem {
  /** dotted path into the request body, e.g. `layers.0.members` */
  path: string;
  message: string;
  /** the values the message mentions (instants as ISO strings), e.g. `{ at: "…" }` */
  params?: Record<string, string | number | boolean | null>;
}

export class ApiError extends Error {
  status: number;
  code: string;
  fields: FieldProblem[];

  constructor(status: number, code: string, message: string, fields: FieldProblem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** Called on a 401 from an authenticated route; App.tsx installs a router-aware one. */
let onUnauthenticated: (() => void) | null = () => {
  if (window.location.pathname === '/sign-in') return;
  const next = window.location.pathname + window.location.search;
  window.location.assign(`/sign-in?next=${encodeURIComponent(next)}`);
};

export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

/** Routes where a 401 is an answer to show (a wrong password), not a lost session. */
const SIGN_IN_PATHS = /^\/api\/v1\/auth\/(sign-in|accept-invite)$/;

export function apiUrl(path: string): string {
  return path.startsWith('/api/') ? path : `/api/v1${path.startsWith('/') ? '' : '/'}${path}`;
}

export interface RequestOptions {
  /** cancels the request (a query whose page or key changed) */
  signal?: AbortSignal | undefined;
}

async function request<T>(method: string, path: string, body: unknown, opts: RequestOptions = {}): Promise<T> {
  const url = apiUrl(path);
  const { signal } = opts;
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });
    text = await res.text();
  } catch (err) {
    // a cancelled request is not a network problem: the caller no longer wants the answer
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'network', 'Heinrich could not be reached. Check your connection and try again.');
  }
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (res.ok) return parsed as T;
  const error = errorOf(res.status, parsed);
  if (res.status === 401 && !SIGN_IN_PATHS.test(url.split('?')[0] ?? url)) onUnauthenticated?.();
  throw error;
}

function errorOf(status: number, body: unknown): ApiError {
  const e = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | undefined)?.error;
  if (e && typeof e.message === 'string') {
    const fields = Array.isArray(e.fields)
      ? e.fields.filter((f): f is FieldProblem => typeof f?.path === 'string' && typeof f?.message === 'string')
      : [];
    // instants in messages are shown in the viewer's zone (lib/api-message.ts), never as ISO strings
    const shown = fields.map((f) => ({ ...f, message: formatApiMessage(f.message, f.params) }));
    return new ApiError(status, typeof e.code === 'string' ? e.code : 'error', formatApiMessage(e.message), shown);
  }
  return new ApiError(status, 'error', `The server answered ${status}. Try again in a moment.`);
}

export const api = {
  get<T>(path: string, opts?: RequestOptions): Promise<T> {
    return request<T>('GET', path, undefined, opts);
  },
  post<T>(path: string, body?: unknown, opts?: RequestOptions): Promise<T> {
    return request<T>('POST', path, body, opts);
  },
  put<T>(path: string, body?: unknown, opts?: RequestOptions): Promise<T> {
    return request<T>('PUT', path, body, opts);
  },
  patch<T>(path: string, body?: unknown, opts?: RequestOptions): Promise<T> {
    return request<T>('PATCH', path, body, opts);
  },
  del<T = void>(path: string, opts?: RequestOptions): Promise<T> {
    return request<T>('DELETE', path, undefined, opts);
  },
};

/** `/users/${id}` with the id escaped: ids come from the URL. */
export function path(strings: TemplateStringsArray, ...ids: string[]): string {
  return strings.reduce((out, s, i) => out + s + (i < ids.length ? encodeURIComponent(ids[i]!) : ''), '');
}

/** An unknown thrown value as an ApiError (so components render one kind of error). */
export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, 'error', err instanceof Error ? err.message : String(err));
}
