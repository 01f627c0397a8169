import { AppError } from '@heinrich/core/app-error';
import express, { type RequestHandler } from 'express';

/**
 * JSON bodies only, up to the configured size; a body of another type is a 415
 * that says so, a larger one a 413 naming the limit and the setting that holds it
 * (`limitName`). Requests without a body (GET, a bodiless POST) pass.
 */
export function jsonBody(limitBytes: number, limitName = 'MAX_BODY_BYTES'): RequestHandler[] {
  const parser = express.json({ limit: limitBytes, strict: true, type: ['application/json', '+json'] });
  return [
    (req, _res, next) => {
      // req.is() is null when there is no body, false when the type differs; fetch()
      // sends a bodiless POST as Content-Length: 0 without a type, which is no body either
      const empty = req.get('content-length') === '0';
      if (!empty && req.is(['application/json', '+json']) === false) {
        throw new AppError('unsupported_media_type', 'Content-Type must be application/json');
      }
      next();
    },
    (req, res, next) => {
      parser(req, res, (err?: unknown) => {
        if ((err as { type?: string } | undefined)?.type === 'entity.too.large') {
          next(new AppError('payload_too_large', `Request body is larger than the limit of ${limitBytes} bytes (${limitName})`));
          return;
        }
        next(err);
      });
    },
  ];
}
