/**
 * The owner dashboard's download, measured on the built files (`npm run build` first): what
 * /admin loads before it can render (the page's script and stylesheet and the chunks the script
 * imports) stays within 24 KB gzip, so no chart library or UI kit creeps in unnoticed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ADMIN_DIST_DIR } from '../../server/admin/build.ts';

const BUDGET_GZIP = 24 * 1024;

function assetsOfPage(page: string): string[] {
  const html = readFileSync(join(ADMIN_DIST_DIR, page), 'utf8');
  const files = [...html.matchAll(/\/admin\/assets\/([\w.-]+\.(?:js|css))/g)].map((match) => match[1] as string);
  // Static imports of those scripts, transitively (dynamic `import()`s load later, on demand).
  for (let index = 0; index < files.length; index++) {
    const file = files[index] as string;
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(ADMIN_DIST_DIR, 'assets', file), 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) {
      if (!files.includes(match[1] as string)) files.push(match[1] as string);
    }
  }
  return files;
}

describe('owner dashboard size', () => {
  it(`loads at most ${BUDGET_GZIP} bytes gzip before it renders`, () => {
    const files = assetsOfPage('index.html');
    const sizes = files.map((file) => ({ file, gzip: gzipSync(readFileSync(join(ADMIN_DIST_DIR, 'assets', file)), { level: 9 }).length }));
    const total = sizes.reduce((sum, entry) => sum + entry.gzip, 0);
    expect(files.some((file) => file.endsWith('.css'))).toBe(true);
    expect(files.filter((file) => file.endsWith('.js')).length).toBeGreaterThanOrEqual(1);
    expect(total, sizes.map((entry) => `${entry.file}: ${entry.gzip} B`).join('\n')).toBeLessThanOrEqual(BUDGET_GZIP);
  });
});
