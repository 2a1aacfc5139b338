import type { FastifyInstance, FastifySchema } from 'fastify';

export interface DocumentedRoute {
  method: string;
  /** Fastify's form, e.g. `/v1/rewards/:rewardId/approve`. */
  url: string;
  schema: FastifySchema | undefined;
}

/**
 * Remembers every route as it is added, with its schemas: the API reference is generated from the
 * same schemas that validate requests, so it cannot drift from what the server does. Call before
 * the routes are registered. HEAD routes Fastify adds by itself are left out.
 */
export function collectRoutes(app: FastifyInstance): DocumentedRoute[] {
  const routes: DocumentedRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, schema: route.schema });
    }
  });
  return routes;
}
