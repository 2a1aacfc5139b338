import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/** A path segment we serve: no leading dot (so no `..`, no hidden files), no encoded separators. */
export const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
export const HASHED_CACHE = 'public, max-age=31536000, immutable';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
}

export interface StaticFile {
  path: string;
  mtimeMs: number;
  size: number;
  body: Buffer;
  etag: string;
}

/**
 * Reads built files under `root`, cached in memory and re-read when they change on disk (so a
 * rebuild needs no restart). Null for anything that is not a safe path to a file inside `root`.
 */
export function staticFileReader(root: string): (segments: readonly string[]) => Promise<StaticFile | null> {
  const base = resolve(root);
  const cache = new Map<string, StaticFile>();
  return async (segments) => {
    if (segments.length === 0 || !segments.every((segment) => SAFE_SEGMENT.test(segment))) return null;
    const path = resolve(base, ...segments);
    if (!path.startsWith(base + sep)) return null;
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    const cached = cache.get(path);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
    const body = await readFile(path);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const file = { path, mtimeMs: info.mtimeMs, size: info.size, body, etag };
    cache.set(path, file);
    return file;
  };
}
