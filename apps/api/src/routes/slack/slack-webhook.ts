import { AppError } from '@heinrich/core/app-error';
import express, { type RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';

/**
 * In front of every Slack webhook, as twilioWebhook is for Twilio's: 503
 * without SLACK_SIGNING_SECRET; the body read raw (up to `limit`: Slack signs
 * the bytes it sent, so nothing may parse them first); then X-Slack-Signature
 * over them, X-Slack-Request-Timestamp within 5 minutes of the injected clock.
 * Missing, wrong or stale: 401 naming what, and nothing runs. After it,
 * `req.body` is the urlencoded form as an object of strings (a repeated field:
 * its first value), for the route to validate with its contract.
 */
export function slackWebhook(deps: AppDeps, limit: string): RequestHandler[] {
  return [
    (_req, _res, next) => {
      if (!deps.slackSignature) throw new AppError('unavailable', 'Slack is not configured: set SLACK_SIGNING_SECRET');
      next();
    },
    express.raw({ type: () => true, limit }),
    (req, _res, next) => {
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const check = deps.slackSignature!({ timestamp: req.get('x-slack-request-timestamp'), signature: req.get('x-slack-signature'), rawBody, now: deps.ctx.now() });
      if (!check.ok) {
        deps.logger.warn({ path: req.path }, 'slack webhook with a missing, wrong or stale signature refused');
        throw new AppError('unauthenticated', `Not a request from Slack: ${check.reason}`);
      }
      const form = new Map<string, string>();
      for (const [name, value] of new URLSearchParams(rawBody.toString('utf8'))) if (!form.has(name)) form.set(name, value);
      req.body = Object.fromEntries(form);
      next();
    },
  ];
}
