/**
 * The one error type use cases throw. The closed set of codes is mapped to HTTP
 * statuses in one table at the api's edge (apps/api/src/http/error-handler.ts).
 * Messages say what, which and why: `Cannot acknowledge incident #42: it is resolved`.
 */
export type AppErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  /** a change that must name the version it is based on did not (HTTP 428) */
  | 'precondition_required'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable';

export interface FieldProblem {
  /** dotted path into the request body or query, e.g. `alerts.3.labels` */
  path: string;
  message: string;
  /** the values the message mentions, as data (instants as ISO strings, e.g. `{ start: "…" }`), so clients can show them in their reader's zone */
  params?: Record<string, string | number | boolean | null>;
}

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
    /** seconds, for rate_limited and unavailable */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static notFound(what: string, id: string): AppError {
    return new AppError('not_found', `${what} ${id} does not exist`);
  }
}
