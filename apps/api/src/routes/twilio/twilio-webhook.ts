import { AppError } from '@heinrich/core/app-error';
import express, { type RequestHandler, type Response } from 'express';
import type { AppDeps } from '../../app-deps';

/**
 * In front of every Twilio webhook: 503 without Twilio credentials; the form
 * body (Twilio posts application/x-www-form-urlencoded); then X-Twilio-Signature
 * over PUBLIC_URL + the path and query Twilio called + every form parameter.
 * Missing or wrong: 403 and nothing runs. The signature covers every posted
 * parameter, so it is checked before any is read; each route then validates the
 * fields it reads with its contract (packages/contracts/src/twilio.ts; 400 naming
 * what is missing), and the rest pass through.
 */
export function twilioWebhook(deps: AppDeps): RequestHandler[] {
  return [
    (_req, _res, next) => {
      if (!deps.twilio) throw new AppError('unavailable', 'Twilio is not configured on this server (TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN; docs/twilio.md)');
      next();
    },
    express.urlencoded({ extended: false, limit: deps.config.maxBodyBytes, type: 'application/x-www-form-urlencoded' }),
    (req, _res, next) => {
      const url = `${deps.config.publicUrl.replace(/\/$/, '')}${req.originalUrl}`;
      const params = req.body && typeof req.body === 'object' ? (req.body as Record<string, string | string[]>) : {};
      if (!deps.twilio!.signatureValid(url, req.get('x-twilio-signature'), params)) {
        deps.logger.warn({ path: req.path }, 'twilio webhook with a missing or wrong signature refused');
        throw new AppError('forbidden', 'X-Twilio-Signature is missing or does not match this request (signed over PUBLIC_URL + path with the auth token)');
      }
      next();
    },
  ];
}

export function sendTwiml(res: Response, xml: string): void {
  res.status(200).type('text/xml').send(xml);
}
