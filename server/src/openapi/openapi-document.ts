import type { DocumentedRoute } from './collect-routes.ts';

type JsonObject = Record<string, unknown>;

/** Where each part of the API is described in words. */
const TAGS = [
  { name: 'Server-to-server', description: "The shop's backend and the owner: `Authorization: Bearer <secret key>`." },
  { name: 'Browser', description: "The widget's calls, from the program's allowed origins." },
  { name: 'Public', description: 'Short links, the widget files and the health check.' },
] as const;

/**
 * An OpenAPI 3.1 document of the routes, built from their TypeBox schemas (plain JSON Schema, which
 * OpenAPI 3.1 uses as it is). Paths become `{param}` form; server-to-server routes carry the bearer
 * security scheme.
 */
export function openApiDocument(routes: readonly DocumentedRoute[], info: { version: string; serverUrl: string }): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of routes) {
    // CORS preflights and the reference itself are plumbing, not API.
    if (route.method === 'OPTIONS' || route.url.includes('*') || route.url === '/docs' || route.url === '/openapi.json') continue;
    const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const operation: JsonObject = { tags: [tagOf(route.url)], operationId: operationId(route.method, path) };
    const schema = (route.schema ?? {}) as Record<string, JsonObject | undefined>;
    const parameters = [...parametersOf(schema.params, 'path'), ...parametersOf(schema.querystring, 'query')];
    if (parameters.length > 0) operation.parameters = parameters;
    if (schema.body) operation.requestBody = { required: true, content: { 'application/json': { schema: plain(schema.body) } } };
    operation.responses = responsesOf(schema.response);
    if (tagOf(route.url) === 'Server-to-server') operation.security = [{ secretKey: [] }];
    (paths[path] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sarafan API',
      version: info.version,
      description: 'Referral tracking: clicks, attribution, rewards, the ledger, payouts and webhooks. The README explains each call with curl examples.',
    },
    servers: [{ url: info.serverUrl }],
    tags: TAGS,
    components: { securitySchemes: { secretKey: { type: 'http', scheme: 'bearer', description: "The program's secret key." } } },
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
  };
}

function tagOf(url: string): (typeof TAGS)[number]['name'] {
  if (url.startsWith('/v1/widget')) return 'Browser';
  if (url.startsWith('/v1/')) return 'Server-to-server';
  return 'Public';
}

function operationId(method: string, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean).map((word) => word[0]?.toUpperCase() + word.slice(1));
  return `${method.toLowerCase()}${words.join('')}`;
}

function parametersOf(schema: JsonObject | undefined, where: 'path' | 'query'): JsonObject[] {
  const properties = (schema?.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((schema?.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: plain(property),
  }));
}

function responsesOf(response: JsonObject | undefined): JsonObject {
  if (!response) return { default: { description: 'See the README.' } };
  return Object.fromEntries(
    Object.entries(response).map(([status, schema]) => [
      status.toUpperCase(),
      { description: describeStatus(status), content: { 'application/json': { schema: plain(schema as JsonObject) } } },
    ]),
  );
}

function describeStatus(status: string): string {
  if (status === '4xx') return 'An error with a stable code (invalid input, missing key, unknown resource, conflict).';
  if (status === '5xx') return 'A server error; it says nothing about its cause.';
  return status.startsWith('2') ? 'Success.' : 'See the README.';
}

/** TypeBox marks schemas with symbol keys; JSON has no symbols, so a round trip leaves plain JSON Schema. */
function plain(schema: JsonObject): JsonObject {
  return JSON.parse(JSON.stringify(schema)) as JsonObject;
}
