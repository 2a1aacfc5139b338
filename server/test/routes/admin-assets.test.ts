import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('owner dashboard files', () => {
  let dir: string;
  let t: TestApp;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sarafan-admin-dist-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Dashboard</title><script type="module" src="/admin/assets/app-Ab12.js"></script>');
    writeFileSync(join(dir, 'preview.html'), '<!doctype html><title>Preview</title>');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'app-Ab12.js'), 'console.log("dashboard");');
    writeFileSync(join(dir, 'assets', '.hidden'), 'nope');
    writeFileSync(join(dir, 'secret.txt'), 'not under assets');
    t = await createTestApp({ adminDir: dir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the app at /admin and /admin/, revalidated every time, unframeable, under a strict CSP', async () => {
    for (const url of ['/admin', '/admin/']) {
      const response = await t.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain('<title>Dashboard</title>');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      const again = await t.inject({ method: 'GET', url, headers: { 'if-none-match': String(response.headers.etag) } });
      expect(again.statusCode).toBe(304);
    }
  });

  it('serves the widget preview framable by the dashboard only', async () => {
    const response = await t.inject({ method: 'GET', url: '/admin/preview' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'self'");
  });

  it('serves hashed assets with immutable caching and nothing outside them', async () => {
    const asset = await t.inject({ method: 'GET', url: '/admin/assets/app-Ab12.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log("dashboard");');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
    for (const url of ['/admin/assets/.hidden', '/admin/assets/../secret.txt', '/admin/assets/%2e%2e/secret.txt', '/admin/assets/missing.js', '/admin/secret.txt']) {
      const response = await t.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
  });

  it('says how to build the dashboard when it is not built', async () => {
    const bare = await createTestApp();
    try {
      const response = await bare.inject({ method: 'GET', url: '/admin' });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.message).toContain('npm run build');
    } finally {
      await bare.close();
    }
  });
});
