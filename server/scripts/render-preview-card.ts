/**
 * Renders `server/assets/preview-card.svg` to `preview-card.png` with the system's Chromium, the
 * same one the browser tests use. Link-preview fetchers prefer PNG or JPEG to SVG, and the
 * server has no image library, so the PNG is rendered once here and committed.
 * Run: `npx tsx server/scripts/render-preview-card.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../tests/support/chromium.ts';

const svgPath = fileURLToPath(new URL('../assets/preview-card.svg', import.meta.url));
const pngPath = fileURLToPath(new URL('../assets/preview-card.png', import.meta.url));

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  const svg = readFileSync(svgPath, 'utf8');
  await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
  writeFileSync(pngPath, await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 1200, height: 630 } }));
  console.log(`wrote ${pngPath}`);
} finally {
  await browser.close();
}
