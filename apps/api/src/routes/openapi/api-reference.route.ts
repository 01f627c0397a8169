import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { type RequestHandler } from 'express';

/** Where the viewer's files are served from (the page names them by absolute path). */
export const API_REFERENCE_ASSETS = '/api/v1/docs/assets';

/** The files of swagger-ui-dist the page loads; the package's other files (its demo index.html, maps) are not served. */
const VENDOR_FILES = new Set(['/swagger-ui.css', '/swagger-ui-bundle.js', '/favicon-32x32.png']);

/**
 * The page's own script (no inline script: the Content-Security-Policy has
 * `script-src 'self'`). Swagger UI's plain layout (no top bar with a URL box),
 * the document of this api only (`queryConfigEnabled: false`: no `?url=` makes
 * this origin render another document), no online validator (no request leaves
 * the api's origin: self-hosted installs may be offline).
 */
const INITIALIZER = `window.addEventListener('DOMContentLoaded', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/v1/openapi.json',
    dom_id: '#swagger-ui',
    layout: 'BaseLayout',
    presets: [SwaggerUIBundle.presets.apis],
    deepLinking: true,
    queryConfigEnabled: false,
    validatorUrl: null,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    displayRequestDuration: true,
  });
});
`;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Heinrich API reference</title>
    <link rel="stylesheet" href="${API_REFERENCE_ASSETS}/swagger-ui.css">
    <link rel="icon" type="image/png" href="${API_REFERENCE_ASSETS}/favicon-32x32.png">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <noscript>The API reference needs JavaScript. The document itself: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>; conventions and semantics: docs/api.md.</noscript>
    <script src="${API_REFERENCE_ASSETS}/swagger-ui-bundle.js"></script>
    <script src="${API_REFERENCE_ASSETS}/api-reference.js"></script>
  </body>
</html>
`;

/** GET /api/v1/docs — the OpenAPI document, browsable: Swagger UI from the api itself (no CDN); no credential. */
export function apiReferenceRoute(): RequestHandler {
  return (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(PAGE);
  };
}

/**
 * The viewer's files under /api/v1/docs/assets: swagger-ui-dist's bundle and
 * stylesheet (served from node_modules, revalidated by ETag: their names carry
 * no hash) and the page's initializer. A middleware, not routes: they are files,
 * not operations of the api, so the OpenAPI document does not list them.
 */
export function apiReferenceAssets(): RequestHandler {
  const dir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const vendor = express.static(dir, { index: false, redirect: false, maxAge: 0, fallthrough: true });
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    if (req.path === '/api-reference.js') {
      res.setHeader('Cache-Control', 'no-cache');
      res.type('text/javascript').send(INITIALIZER);
      return;
    }
    if (VENDOR_FILES.has(req.path)) {
      vendor(req, res, next);
      return;
    }
    next();
  };
}
