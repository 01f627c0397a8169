import { buildOpenApiDocument } from '@heinrich/contracts/openapi/build-openapi-document';
import type { RequestHandler } from 'express';

/** GET /api/v1/openapi.json — the OpenAPI 3.1 document of this api, generated from the contracts once; no credential. */
export function openApiRoute(): RequestHandler {
  const document = JSON.stringify(buildOpenApiDocument());
  return (_req, res) => {
    res.type('application/json').send(document);
  };
}
