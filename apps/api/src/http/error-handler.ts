import { AppError, type AppErrorCode } from '@heinrich/core/app-error';
import type { ErrorJson } from '@heinrich/contracts/errors';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '@heinrich/config/logger';

/** The one table from error codes to HTTP statuses. */
const STATUS: Record<AppErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  precondition_required: 428,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
};

/** Errors from body-parser carry `type`; translate them into our vocabulary. */
function fromBodyParser(err: { type?: string; limit?: number; message?: string }): AppError | undefined {
  switch (err.type) {
    case 'entity.too.large':
      return new AppError('payload_too_large', `Request body is larger than the limit of ${err.limit} bytes (MAX_BODY_BYTES)`);
    case 'entity.parse.failed':
      return new AppError('validation_failed', `Request body is not valid JSON: ${err.message ?? 'parse error'}`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('unsupported_media_type', err.message ?? 'Unsupported encoding');
    case 'request.aborted':
    case 'request.size.invalid':
      return new AppError('validation_failed', err.message ?? 'Request body was incomplete');
    default:
      return undefined;
  }
}

/**
 * Postgres unreachable, its pool exhausted, or a statement cancelled by
 * statement_timeout (57014: e.g. a delivery queued too long behind others of its
 * group): the sender should retry, so answer 503 — well before Alertmanager's
 * 10 s request deadline.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  if (e.code === '57014') return true;
  if (e.code && /^(08|57P0|53)/.test(e.code)) return true; // connection exception, admin shutdown, insufficient resources
  if (e.code && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH'].includes(e.code)) return true;
  return /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED/i.test(e.message ?? '');
}

/** The router's own: a path parameter that is not percent-encoded UTF-8 (`/integrations/alertmanager/%ff`). */
function fromRouter(err: unknown): AppError | undefined {
  if (err instanceof URIError && (err as { status?: number }).status === 400) {
    return new AppError('validation_failed', `The URL is not valid: a path segment is not percent-encoded UTF-8 (${err.message})`);
  }
  return undefined;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let appError = err instanceof AppError ? err : (fromBodyParser(err as never) ?? fromRouter(err));
    if (!appError && isDatabaseUnavailable(err)) {
      logger.error({ err, path: req.path }, 'database unavailable');
      appError = new AppError('unavailable', 'The database is unavailable or overloaded; retry later', [], 5);
    }
    if (!appError) {
      logger.error({ err, method: req.method, path: req.path }, 'unhandled error');
      res.status(500).json({ error: { code: 'internal', message: 'Internal error; it has been logged', fields: [] } } satisfies ErrorJson);
      return;
    }
    if (appError.retryAfter !== undefined) res.setHeader('Retry-After', String(appError.retryAfter));
    res.status(STATUS[appError.code]).json({
      error: { code: appError.code, message: appError.message, fields: appError.fields },
    } satisfies ErrorJson);
  };
}
