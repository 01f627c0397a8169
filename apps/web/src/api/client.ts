// The one way the UI talks to the api: same-origin fetch with the session cookie,
// JSON in and out. Paths are relative to /api/v1 ('/incidents'); a path that
// already starts with /api/ is used as it is. A 401 (session expired or signed
// out) sends the user to the sign-in page; every other failure is an ApiError
// carrying the API's error body ({"error":{code,message,fields}}).

export interface FieldProblem {
  /** dotted path into the request body, e.g. `layers.0.members` */
  path: string;
  message: string;
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

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const url = apiUrl(path);
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Heinrich could not be reached. Check your connection and try again.');
  }
  const text = await res.text();
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
    return new ApiError(status, typeof e.code === 'string' ? e.code : 'error', e.message, fields);
  }
  return new ApiError(status, 'error', `The server answered ${status}. Try again in a moment.`);
}

export const api = {
  get<T>(path: string): Promise<T> {
    return request<T>('GET', path);
  },
  post<T>(path: string, body?: unknown): Promise<T> {
    return request<T>('POST', path, body);
  },
  patch<T>(path: string, body?: unknown): Promise<T> {
    return request<T>('PATCH', path, body);
  },
  del<T = void>(path: string): Promise<T> {
    return request<T>('DELETE', path);
  },
};

/** An unknown thrown value as an ApiError (so components render one kind of error). */
export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, 'error', err instanceof Error ? err.message : String(err));
}
