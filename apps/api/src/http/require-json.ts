import { AppError } from '@heinrich/core/app-error';
import express, { type RequestHandler } from 'express';

/**
 * JSON bodies only, up to the configured size; a body of another type is a 415
 * that says so. Requests without a body (GET, a bodiless POST) pass.
 */
export function jsonBody(limitBytes: number): RequestHandler[] {
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
    express.json({ limit: limitBytes, strict: true, type: ['application/json', '+json'] }),
  ];
}
