import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('widget assets', () => {
  let dir: string;
  let t: TestApp;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sarafan-widget-dist-'));
    writeFileSync(join(dir, 'widget.js'), 'console.log("loader v1");');
    writeFileSync(join(dir, 'panel-Ab12Cd.js'), 'export const panel = 1;');
    mkdirSync(join(dir, 'chunks'));
    writeFileSync(join(dir, 'chunks', 'qr-Zz99.js'), 'export const qr = 1;');
    writeFileSync(join(dir, '.secret'), 'nope');
    writeFileSync(join(dir, '..', 'outside-widget-dir.txt'), 'nope');
    t = await createTestApp({ widgetDir: dir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(dir, '..', 'outside-widget-dir.txt'), { force: true });
  });

  it('serves the loader with a short cache, an ETag and open CORS', async () => {
    const response = await t.inject({ method: 'GET', url: '/widget.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log("loader v1");');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });

  it('answers 304 to a matching If-None-Match, and a new ETag after a rebuild', async () => {
    const first = await t.inject({ method: 'GET', url: '/widget.js' });
    const etag = String(first.headers.etag);
    const again = await t.inject({ method: 'GET', url: '/widget.js', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    writeFileSync(join(dir, 'widget.js'), 'console.log("loader v2, longer");');
    const rebuilt = await t.inject({ method: 'GET', url: '/widget.js', headers: { 'if-none-match': etag } });
    expect(rebuilt.statusCode).toBe(200);
    expect(rebuilt.body).toContain('v2');
    expect(rebuilt.headers.etag).not.toBe(etag);
  });

  it('serves hashed files, also in sub-folders, as immutable', async () => {
    for (const url of ['/widget/panel-Ab12Cd.js', '/widget/chunks/qr-Zz99.js']) {
      const response = await t.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    }
  });

  it('refuses path traversal, hidden files and missing files with 404', async () => {
    for (const url of [
      '/widget/../outside-widget-dir.txt',
      '/widget/%2e%2e/outside-widget-dir.txt',
      '/widget/..%2foutside-widget-dir.txt',
      '/widget/chunks/..%2F..%2Foutside-widget-dir.txt',
      '/widget/.secret',
      '/widget/missing-123.js',
      '/widget/',
    ]) {
      const response = await t.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('nope');
    }
  });

  it('says how to build the widget when it is not built', async () => {
    const bare = await createTestApp();
    try {
      for (const url of ['/widget.js', '/widget/panel-Ab12Cd.js']) {
        const response = await bare.inject({ method: 'GET', url });
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe('widget_not_built');
        expect(response.json().error.message).toContain('npm run build');
      }
    } finally {
      await bare.close();
    }
  });
});
