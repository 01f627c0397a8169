// The OpenAPI document against the routes the Express app really registers:
// walked from the app's router (not a second hand-kept list), so a route added to
// app.ts without a line in packages/contracts/src/openapi/operations.ts fails
// here, and so does a line naming a route that does not exist. Also: the
// document is valid OpenAPI 3.1 and every response and body names a schema.
import { loadApiConfig } from '@heinrich/config/load-config';
import { createLogger } from '@heinrich/config/logger';
import { buildOpenApiDocument } from '@heinrich/contracts/openapi/build-openapi-document';
import type { Context } from '@heinrich/usecases/context';
import { Validator } from '@seriousme/openapi-schema-validator';
import type express from 'express';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createApiMetrics } from '../../http/metrics';

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  rawPath?: string;
  handle?: { stack?: Layer[] };
}

/** "get /api/v1/users/{id}" for every route of the app, mounted routers included. */
function registeredRoutes(app: express.Express): string[] {
  const routes: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths) {
          for (const [method, on] of Object.entries(layer.route.methods)) {
            if (on && method !== '_all') routes.push(`${method} ${(prefix + path).replace(/:(\w+)/g, '{$1}')}`);
          }
        }
      } else if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        walk(layer.handle.stack, prefix + mount);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return routes.sort();
}

/** The app as main.ts builds it; nothing here reaches a database (no request is made). */
function buildApp(): express.Express {
  const config = loadApiConfig({
    DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    REDIS_URL: 'redis://127.0.0.1:1',
    HEINRICH_ADMIN_API_KEY: 'openapi-test-admin-key-0123456789',
    LOG_LEVEL: 'silent',
  });
  return createApp({
    config,
    logger: createLogger({ name: 'openapi-test', level: 'silent' }),
    metrics: createApiMetrics(),
    ctx: {} as Context,
    redisStatus: () => 'ready',
    pingDatabase: async () => true,
  });
}

const document = buildOpenApiDocument() as {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, unknown> };
};

function documentedRoutes(): string[] {
  return Object.entries(document.paths)
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`))
    .sort();
}

describe('the OpenAPI document covers exactly the routes the api registers', () => {
  it('finds the routes of the app and of its mounted routers', () => {
    const routes = registeredRoutes(buildApp());
    // one of each kind: the app itself, the integrations router, the admin router
    expect(routes).toEqual(expect.arrayContaining(['get /healthz', 'post /api/v1/integrations/alertmanager/{key}', 'get /api/v1/incidents/{id}/explain']));
    expect(routes.length).toBeGreaterThan(80);
  });

  it('documents every registered route, and no route that is not registered', () => {
    const registered = registeredRoutes(buildApp());
    const documented = documentedRoutes();
    expect({ missingFromTheDocument: registered.filter((r) => !documented.includes(r)) }).toEqual({ missingFromTheDocument: [] });
    expect({ notRegistered: documented.filter((r) => !registered.includes(r)) }).toEqual({ notRegistered: [] });
  });

  it('writes paths in full with {param} placeholders and no servers base path', () => {
    expect(document).not.toHaveProperty('servers');
    for (const path of Object.keys(document.paths)) {
      expect(path).toMatch(/^\/(api\/v1\/|healthz$|readyz$|metrics$)/);
      expect(path).not.toContain(':');
    }
  });
});

describe('the OpenAPI document is valid and complete', () => {
  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('gives every JSON response, success and error, and every request body a schema that exists', () => {
    const text = JSON.stringify(document);
    const refs = [...text.matchAll(/"\$ref":"#\/components\/(schemas|responses)\/([^"]+)"/g)];
    for (const [, kind, name] of refs) expect(document.components[kind as 'schemas' | 'responses'], `${kind}/${name}`).toHaveProperty([name!]);
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, response] of Object.entries(op.responses)) {
          const r = response as { $ref?: string; content?: Record<string, { schema?: unknown }> };
          if (r.$ref) continue; // the shared error responses: the Error schema
          for (const [type, media] of Object.entries(r.content ?? {})) expect(media.schema, `${method} ${path} ${status} ${type}`).toBeDefined();
        }
        expect(op.responses, `${method} ${path}`).toHaveProperty('default');
      }
    }
    expect(document.components.responses).toHaveProperty('Error400', {
      description: expect.any(String),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    });
  });

  it('describes the explain and simulate answers and the integrations', () => {
    const json = (path: string, method: string, status: number) =>
      (document.paths[path]?.[method]?.responses[status] as { content: Record<string, { schema: { $ref: string } }> }).content;
    expect(json('/api/v1/incidents/{id}/explain', 'get', 200)['application/json']!.schema.$ref).toBe('#/components/schemas/Explanation');
    expect(json('/api/v1/escalation-policies/{id}/simulate', 'post', 200)['application/json']!.schema.$ref).toBe('#/components/schemas/Simulation');
    expect(json('/api/v1/integrations/alertmanager', 'post', 200)['application/json']!.schema.$ref).toBe('#/components/schemas/IngestSummary');
    expect(json('/api/v1/twilio/sms', 'post', 200)).toHaveProperty('text/xml');
    expect(document.paths['/api/v1/twilio/sms']!.post!.requestBody).toEqual({
      required: true,
      content: { 'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/TwilioSmsForm' } } },
    });
    expect(document.components.schemas).toHaveProperty('Explanation.properties.people');
    expect(document.components.schemas).toHaveProperty('Simulation.properties.pages');
  });
});
