import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, WidgetNotBuiltError } from '../errors.ts';
import { contentTypeOf, HASHED_CACHE, staticFileReader } from './static-files.ts';

export const LOADER_FILE = 'widget.js';
const LOADER_CACHE = 'public, max-age=300';

/**
 * The built widget: `GET /widget.js` (the loader; short cache, so a new release reaches shops
 * within minutes) and `GET /widget/{file}` (content-hashed chunks; cached forever). The panel
 * chunk is an ES module imported from the shop's page, so every file is served with CORS open.
 * Files are re-read when they change on disk, so `npm run build` needs no restart.
 */
export async function widgetAssetRoutes(app: FastifyInstance, options: { widgetDir: string }): Promise<void> {
  const root = resolve(options.widgetDir);
  const read = staticFileReader(root);

  async function serve(request: FastifyRequest, reply: FastifyReply, segments: string[]): Promise<FastifyReply> {
    const file = await read(segments);
    if (!file) {
      const built = await stat(resolve(root, LOADER_FILE)).catch(() => null);
      throw built ? new NotFoundError(`No widget file ${segments.join('/')}.`) : new WidgetNotBuiltError();
    }
    const isLoader = segments.length === 1 && segments[0] === LOADER_FILE;
    void reply
      .header('content-type', contentTypeOf(file.path))
      .header('cache-control', isLoader ? LOADER_CACHE : HASHED_CACHE)
      .header('etag', file.etag)
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('x-content-type-options', 'nosniff');
    if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
    return reply.send(file.body);
  }

  app.get('/widget.js', (request, reply) => serve(request, reply, [LOADER_FILE]));
  app.get<{ Params: { '*': string } }>('/widget/*', (request, reply) =>
    serve(request, reply, request.params['*'].split('/')),
  );
}
