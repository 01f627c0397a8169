import { AppError } from '@heinrich/core/app-error';
import type { Actor } from '@heinrich/usecases/incidents/change-incident-status';
import type { RequestHandler, Response } from 'express';
import { credentialFrom, secretsEqual } from './bearer-token';

/**
 * Admin API authentication. For now the bootstrap key from
 * HEINRICH_ADMIN_API_KEY (constant-time compare, never logged); people's
 * sessions and scoped API keys plug in here.
 */
export function requireAdmin(adminApiKey: string): RequestHandler {
  return (req, res, next) => {
    const presented = credentialFrom(req);
    if (!presented || !secretsEqual(presented, adminApiKey)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="heinrich"');
      throw new AppError('unauthenticated', 'Missing or invalid API key: send Authorization: Bearer <api key>');
    }
    res.locals.actor = { id: 'api-key:bootstrap', display: 'the admin API key', via: 'api' } satisfies Actor;
    next();
  };
}

/** Who is calling, as set by the authentication middleware. */
export function actorOf(res: Response): Actor {
  return res.locals.actor as Actor;
}
