/**
 * The owner dashboard's production files in server/admin/dist (part of `npm run build`): an app
 * build of index.html (and the widget preview page) with content-hashed assets, which the
 * tracking server serves under /admin.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const adminDir = dirname(fileURLToPath(import.meta.url));
export const ADMIN_DIST_DIR = resolve(adminDir, 'dist');

export async function buildAdmin(): Promise<Array<{ file: string; bytes: number; gzip: number }>> {
  rmSync(ADMIN_DIST_DIR, { recursive: true, force: true });
  await build({
    configFile: false,
    root: adminDir,
    base: '/admin/',
    logLevel: 'warn',
    publicDir: false,
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: ADMIN_DIST_DIR,
      emptyOutDir: true,
      assetsDir: 'assets',
      modulePreload: false,
      reportCompressedSize: false,
      minify: true,
      sourcemap: false,
      rolldownOptions: {
        input: { index: resolve(adminDir, 'index.html'), preview: resolve(adminDir, 'preview.html') },
      },
    },
  });
  const assets = join(ADMIN_DIST_DIR, 'assets');
  return readdirSync(assets).map((file) => {
    const body = readFileSync(join(assets, file));
    return { file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await buildAdmin();
  const total = files.reduce((sum, file) => sum + file.gzip, 0);
  console.log(`dashboard: built ${files.map((file) => `${file.file} (${(file.gzip / 1024).toFixed(1)} KB gzip)`).join(', ')} in server/admin/dist; ${(total / 1024).toFixed(1)} KB gzip in all`);
}
