import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, WidgetNotBuiltError } from '../errors.ts';

export const LOADER_FILE = 'widget.js';
const LOADER_CACHE = 'public, max-age=300';
const HASHED_CACHE = 'public, max-age=31536000, immutable';
/** A path segment we serve: no leading dot (so no `..`, no hidden files), no encoded separators. */
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

interface CachedFile {
  mtimeMs: number;
  size: number;
  body: Buffer;
  etag: string;
}

/**
 * The built widget: `GET /widget.js` (the loader; short cache, so a new release reaches shops
 * within minutes) and `GET /widget/{file}` (content-hashed chunks; cached forever). The panel
 * chunk is an ES module imported from the shop's page, so every file is served with CORS open.
 * Files are re-read when they change on disk, so `npm run build` needs no restart.
 */
export async function widgetAssetRoutes(app: FastifyInstance, options: { widgetDir: string }): Promise<void> {
  const root = resolve(options.widgetDir);
  const cache = new Map<string, CachedFile>();

  async function load(path: string): Promise<CachedFile | null> {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    const cached = cache.get(path);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
    const body = await readFile(path);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const file = { mtimeMs: info.mtimeMs, size: info.size, body, etag };
    cache.set(path, file);
    return file;
  }

  async function serve(request: FastifyRequest, reply: FastifyReply, segments: string[]): Promise<FastifyReply> {
    if (segments.length === 0 || !segments.every((segment) => SAFE_SEGMENT.test(segment))) throw new NotFoundError();
    const path = resolve(root, ...segments);
    if (!path.startsWith(root + sep)) throw new NotFoundError();
    const file = await load(path);
    if (!file) {
      const built = await stat(resolve(root, LOADER_FILE)).catch(() => null);
      throw built ? new NotFoundError(`No widget file ${segments.join('/')}.`) : new WidgetNotBuiltError();
    }
    const isLoader = segments.length === 1 && segments[0] === LOADER_FILE;
    void reply
      .header('content-type', CONTENT_TYPES[extname(path)] ?? 'application/octet-stream')
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
