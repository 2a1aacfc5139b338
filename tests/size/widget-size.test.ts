/**
 * The widget's size budgets (docs: DESIGN.md "Budgets"), measured on the built files. Needs
 * `npm run build` first (`npm test` does it). 1 KB = 1024 bytes, so the loader's 1.7 KB is 1740
 * bytes gzip and the panel's 9 KB is 9216 bytes gzip.
 */
import { describe, expect, it } from 'vitest';
import { LOADER_BUDGET_GZIP, PANEL_BUDGET_GZIP, formatSizeTable, measureWidget } from '../bench/widget-size.ts';

describe('widget size budgets', () => {
  const sizes = measureWidget();

  it(`loader widget.js is at most ${LOADER_BUDGET_GZIP} bytes gzip`, () => {
    expect(
      sizes.loader.gzip,
      `widget.js is ${sizes.loader.gzip} B gzip, over its budget of ${LOADER_BUDGET_GZIP} B.\n${formatSizeTable(sizes)}`,
    ).toBeLessThanOrEqual(LOADER_BUDGET_GZIP);
  });

  it(`panel entry plus its static imports is at most ${PANEL_BUDGET_GZIP} bytes gzip`, () => {
    expect(
      sizes.panel.gzip,
      `the panel (${sizes.panel.parts.join(' + ')}) is ${sizes.panel.gzip} B gzip, over its budget of ${PANEL_BUDGET_GZIP} B.\n${formatSizeTable(sizes)}`,
    ).toBeLessThanOrEqual(PANEL_BUDGET_GZIP);
  });

  it('measures real files (brotli smaller than gzip smaller than raw)', () => {
    for (const row of [sizes.loader, sizes.panel]) {
      expect(row.raw).toBeGreaterThan(row.gzip);
      expect(row.gzip).toBeGreaterThan(row.brotli);
    }
    expect(sizes.panel.parts.length).toBeGreaterThanOrEqual(1);
  });
});
