import type { FastifyInstance } from 'fastify';
import type { DocumentedRoute } from '../openapi/collect-routes.ts';
import { docsPage } from '../openapi/docs-page.ts';
import { openApiDocument } from '../openapi/openapi-document.ts';

/** `GET /openapi.json` and `GET /docs`: the API reference, generated from the route schemas. */
export async function apiDocsRoutes(
  app: FastifyInstance,
  options: { routes: readonly DocumentedRoute[]; publicUrl: () => string; version: string },
): Promise<void> {
  // Built on first use: every route is registered by then.
  let document: Record<string, unknown> | null = null;
  const current = () => (document ??= openApiDocument(options.routes, { version: options.version, serverUrl: options.publicUrl() }));

  app.get('/openapi.json', async (_request, reply) => reply.header('cache-control', 'no-cache').send(current()));
  app.get('/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(docsPage(current())));
}
