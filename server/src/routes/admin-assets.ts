import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../errors.ts';
import { contentTypeOf, HASHED_CACHE, staticFileReader, type StaticFile } from './static-files.ts';

/** Where `npm run build` puts the dashboard. */
export const DEFAULT_ADMIN_DIR = fileURLToPath(new URL('../../admin/dist/', import.meta.url));

/** The dashboard loads only its own files and talks only to this server; nobody may frame it. */
const DASHBOARD_CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');
/** The widget preview runs the real widget, which styles its shadow root with <style> elements;
 * only the dashboard may frame it. */
const PREVIEW_CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The owner dashboard's built files: `GET /admin` (the app; client-side routes live in the hash,
 * so this is the only page), `GET /admin/preview` (the widget preview the settings page frames)
 * and `GET /admin/assets/{file}` (content-hashed, cached forever).
 */
export async function adminAssetRoutes(app: FastifyInstance, options: { adminDir: string }): Promise<void> {
  const read = staticFileReader(options.adminDir);

  async function page(request: FastifyRequest, reply: FastifyReply, name: string, csp: string): Promise<FastifyReply> {
    const file = await read([name]);
    if (!file) throw new NotFoundError('The dashboard is not built: run `npm run build`, then reload.');
    void reply
      .header('content-security-policy', csp)
      .header('x-frame-options', csp === DASHBOARD_CSP ? 'DENY' : 'SAMEORIGIN')
      .header('referrer-policy', 'no-referrer')
      // The page names the current hashed assets: check every time, cheaply, with the ETag.
      .header('cache-control', 'no-cache');
    return send(request, reply, file);
  }

  function send(request: FastifyRequest, reply: FastifyReply, file: StaticFile): FastifyReply {
    void reply.header('content-type', contentTypeOf(file.path)).header('etag', file.etag).header('x-content-type-options', 'nosniff');
    if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
    return reply.send(file.body);
  }

  app.get('/admin', (request, reply) => page(request, reply, 'index.html', DASHBOARD_CSP));
  app.get('/admin/', (request, reply) => page(request, reply, 'index.html', DASHBOARD_CSP));
  app.get('/admin/preview', (request, reply) => page(request, reply, 'preview.html', PREVIEW_CSP));
  app.get<{ Params: { '*': string } }>('/admin/assets/*', async (request, reply) => {
    const file = await read(['assets', ...request.params['*'].split('/')]);
    if (!file) throw new NotFoundError(`No dashboard file ${request.params['*']}.`);
    void reply.header('cache-control', HASHED_CACHE);
    return send(request, reply, file);
  });
}
