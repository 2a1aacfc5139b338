import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';

const STYLESHEET = readFileSync(new URL('../assets/shop.css', import.meta.url), 'utf8');

export const assetRoutes: FastifyPluginAsync = async (app) => {
  app.get('/assets/shop.css', async (_request, reply) =>
    reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(STYLESHEET),
  );
};
