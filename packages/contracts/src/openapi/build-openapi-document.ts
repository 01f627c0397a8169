import { z } from 'zod';
import { OPERATIONS, type Access, type Operation, type ResponseSpec } from './operations';
import { REQUEST_SCHEMAS, RESPONSE_SCHEMAS } from './schemas';
import { SECURITY_SCHEMES } from './security-schemes';

type JsonSchema = Record<string, unknown>;

const REF = (name: string) => `#/components/schemas/${name}`;

/** Error statuses each kind of access can answer (besides a route's own `errors`). */
const ACCESS_ERRORS: Record<Access, number[]> = {
  none: [],
  signIn: [400, 401, 403, 413, 415, 503],
  admin: [400, 401, 403, 404, 413, 415, 503],
  integration: [400, 401, 403, 413, 415, 503],
  integrationUrl: [400, 401, 403, 413, 415, 503],
  routingKey: [400, 401, 403, 413, 415, 503],
  twilio: [400, 403, 413, 503],
  slack: [400, 401, 503],
  calendar: [400, 404, 503],
  heartbeatUrl: [404, 503],
  heartbeatBearer: [401, 503],
  metrics: [401],
  probeSignature: [400, 401, 413, 503],
};

const ACCESS_SECURITY: Record<Access, Record<string, string[]>[]> = {
  none: [],
  signIn: [],
  admin: [{ apiKey: [] }, { session: [] }],
  integration: [{ integrationKey: [] }, { integrationKeyBasic: [] }],
  integrationUrl: [],
  routingKey: [],
  twilio: [{ twilioSignature: [] }],
  slack: [{ slackSignature: [] }],
  calendar: [{ calendarToken: [] }],
  heartbeatUrl: [],
  heartbeatBearer: [{ heartbeatToken: [] }],
  metrics: [{}, { metricsToken: [] }],
  probeSignature: [{ heinrichSignature: [] }],
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad input: the message names the first problem, `fields` every one by its dotted path',
  401: 'No credential, or not a valid one',
  403: 'The credential may not do this (the message says why), or a cross-site browser request',
  404: 'No such thing (or no route)',
  409: 'Conflicts with the current state (the message says which)',
  412: 'If-Match names a version that is not the current one',
  413: 'The body is larger than MAX_BODY_BYTES (the Alertmanager endpoint: ALERTMANAGER_MAX_BODY_BYTES or ALERTMANAGER_MAX_ALERTS)',
  415: 'The body is not of the media type this route takes',
  428: 'The change must name the version it is based on',
  429: 'Too many attempts: retry after Retry-After seconds',
  503: 'A dependency is unavailable (Postgres, Alertmanager, a provider) or the feature is not configured: retry later (Retry-After)',
};

const SUCCESS_DESCRIPTIONS: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No content' };

const PATH_PARAMS: Record<string, string> = {
  id: 'the id (a UUID)',
  key: 'the integration key (Alertmanager configurations that cannot send a header)',
  keyId: "the integration key's id (a UUID)",
  methodId: "the contact method's id (a UUID)",
  ruleId: "the notification rule's id (a UUID)",
  overrideId: "the override's id (a UUID)",
  token: "the heartbeat's token (hb_...), shown when it was created or rotated",
};

const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;

/**
 * zod's JSON Schema for OpenAPI 3.1 (JSON Schema 2020-12), less its noise: formats
 * speak for themselves without zod's long patterns, and z.int()'s safe-integer bounds go.
 */
const JSON_SCHEMA_OPTIONS = {
  target: 'draft-2020-12',
  unrepresentable: 'any',
  override: ({ jsonSchema }: { jsonSchema: JsonSchema }) => {
    if (jsonSchema.format === 'date-time' || jsonSchema.format === 'uuid') delete jsonSchema.pattern;
    if (jsonSchema.minimum === -SAFE_INTEGER) delete jsonSchema.minimum;
    if (jsonSchema.maximum === SAFE_INTEGER) delete jsonSchema.maximum;
  },
} as const;

function toJsonSchema(registry: z.core.$ZodRegistry<{ id: string }>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, { ...JSON_SCHEMA_OPTIONS, io, uri: REF });
  const out: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema as JsonSchema;
    out[name] = rest;
  }
  return out;
}

function registryOf(schemas: Record<string, z.ZodType>): z.core.$ZodRegistry<{ id: string }> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  return registry;
}

function queryParameters(query: z.ZodType): JsonSchema[] {
  const schema = z.toJSONSchema(query, { ...JSON_SCHEMA_OPTIONS, io: 'input' }) as JsonSchema;
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: 'query',
      required: required.has(name),
      // a value zod preprocesses (a comma-separated list) is a string on the wire
      schema: Object.keys(rest).length > 0 ? rest : { type: 'string' },
      ...(typeof description === 'string' ? { description } : {}),
    };
  });
}

function pathParameters(path: string): JsonSchema[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
    description: name === 'id' && path.startsWith('/api/v1/incidents/') ? 'the id (a UUID) or the number (42)' : (PATH_PARAMS[name!] ?? name),
  }));
}

function response(status: number, spec: ResponseSpec): JsonSchema {
  const description = SUCCESS_DESCRIPTIONS[status] ?? (status === 503 ? ERROR_DESCRIPTIONS[503]! : String(status));
  if (spec === null) return { description };
  if (typeof spec === 'string') return { description, content: { 'application/json': { schema: { $ref: REF(spec) } } } };
  const schema = spec.schema ? { $ref: REF(spec.schema) } : { type: spec.mediaType === 'application/json' ? 'object' : 'string' };
  return { description: spec.description, content: { [spec.mediaType]: { schema } } };
}

function operationObject(op: Operation): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, spec] of Object.entries(op.responses)) responses[status] = response(Number(status), spec);
  for (const status of [...ACCESS_ERRORS[op.access], ...(op.errors ?? [])].sort((a, b) => a - b)) {
    if (!responses[status]) responses[status] = { $ref: `#/components/responses/Error${status}` };
  }
  responses.default = { $ref: '#/components/responses/Error' };
  const parameters = [
    ...pathParameters(op.path),
    ...(op.query ? queryParameters(op.query) : []),
    ...(op.headers ?? []).map((h) => ({ name: h.name, in: 'header', required: false, schema: { type: 'string' }, description: h.description })),
  ];
  const body = op.body
    ? typeof op.body === 'string'
      ? { required: true, content: { 'application/json': { schema: { $ref: REF(op.body) } } } }
      : { required: true, content: { 'application/x-www-form-urlencoded': { schema: { $ref: REF(op.body.form) } } } }
    : undefined;
  return {
    operationId: operationId(op),
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    security: ACCESS_SECURITY[op.access],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(body ? { requestBody: body } : {}),
    responses,
  };
}

/** `post /api/v1/incidents/{id}/acknowledge` -> `postIncidentsIdAcknowledge` */
function operationId(op: Operation): string {
  const words = op.path
    .replace(/^\/api\/v1/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return op.method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/**
 * The OpenAPI 3.1 document of the whole api: every route of OPERATIONS with its
 * credential, parameters, request body and every response (errors included),
 * the shapes generated from the zod schemas the api parses and answers with.
 */
export function buildOpenApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = operationObject(op);
  }
  const errorResponses: Record<string, JsonSchema> = {
    Error: { description: 'An unexpected error (500: it has been logged)', content: { 'application/json': { schema: { $ref: REF('Error') } } } },
  };
  for (const [status, description] of Object.entries(ERROR_DESCRIPTIONS)) {
    errorResponses[`Error${status}`] = { description, content: { 'application/json': { schema: { $ref: REF('Error') } } } };
  }
  return {
    openapi: '3.1.1',
    info: {
      title: 'Heinrich HTTP API',
      version: '1',
      description:
        'Paging: Alertmanager and Events API ingest, incidents, escalation, schedules, delivery. Conventions, authentication and semantics: docs/api.md. Paths are written in full; no servers base path.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    tags: [...new Set(OPERATIONS.map((op) => op.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { ...toJsonSchema(registryOf(REQUEST_SCHEMAS), 'input'), ...toJsonSchema(registryOf(RESPONSE_SCHEMAS), 'output') },
      responses: errorResponses,
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}
