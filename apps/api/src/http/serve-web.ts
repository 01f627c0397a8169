import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type RequestHandler } from 'express';

/** Paths the web UI never answers: the API, health and metrics keep their JSON 404s. */
const NOT_THE_UI = /^\/(api|healthz|readyz|metrics)(\/|$)/;

/**
 * The built web UI (apps/web/dist) on the api's own origin, so the session cookie
 * and the Origin check need no CORS: hashed assets cached for a year, and every
 * other GET that is not an API path answered with index.html (the client-side
 * router draws the page). Nothing is served when the directory holds no
 * index.html (an api run without a web build), so unknown paths stay 404.
 */
export function serveWebApp(dir: string): RequestHandler {
  const router = Router();
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return router;
  router.use(
    '/assets',
    express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: true }),
  );
  router.use(express.static(dir, { index: false, maxAge: 0 }));
  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_THE_UI.test(req.path) || req.path.startsWith('/assets/')) {
      next();
      return;
    }
    // the page itself is never cached: a deploy's new asset names must reach browsers at once
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
