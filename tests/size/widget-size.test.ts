/**
 * The widget's size budgets (docs: DESIGN.md "Budgets"), measured on the built files. Needs
 * `npm run build` first (`npm test` does it). 1 KB = 1024 bytes, so the loader's 1.7 KB is 1740
 * bytes gzip and the panel's 9 KB is 9216 bytes gzip. Lazy chunks have budgets of their own: each
 * language but English 1.5 KB, the dialog 1 KB, the extras 3.5 KB and their texts per language 1 KB,
 * and the share buttons, QR code, placements and offer card theirs (`LAZY_BUDGETS_GZIP`).
 */
import { describe, expect, it } from 'vitest';
import {
  DIALOG_BUDGET_GZIP,
  EXTRAS_BUDGET_GZIP,
  EXTRAS_LANGUAGE_BUDGET_GZIP,
  LANGUAGE_BUDGET_GZIP,
  LAZY_BUDGETS_GZIP,
  LOADER_BUDGET_GZIP,
  PANEL_BUDGET_GZIP,
  formatSizeTable,
  measureWidget,
} from '../bench/widget-size.ts';

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

  it(`the dialog chunk is at most ${DIALOG_BUDGET_GZIP} bytes gzip`, () => {
    expect(sizes.dialog.gzip, formatSizeTable(sizes)).toBeLessThanOrEqual(DIALOG_BUDGET_GZIP);
  });

  it(`the extras chunk is at most ${EXTRAS_BUDGET_GZIP} bytes gzip, and not part of the panel entry`, () => {
    expect(sizes.extras.gzip, formatSizeTable(sizes)).toBeLessThanOrEqual(EXTRAS_BUDGET_GZIP);
    expect(sizes.panel.parts).not.toContain(sizes.extras.file);
  });

  it.each(['ru', 'pl'])(`the extras' texts in %s are a lazy chunk of at most ${EXTRAS_LANGUAGE_BUDGET_GZIP} bytes gzip`, (code) => {
    const language = sizes.extrasLanguages[code];
    expect(language, formatSizeTable(sizes)).toBeDefined();
    expect(language!.gzip, formatSizeTable(sizes)).toBeLessThanOrEqual(EXTRAS_LANGUAGE_BUDGET_GZIP);
  });

  it('Russian and Polish are lazy chunks of their own', () => {
    expect(Object.keys(sizes.languages).sort()).toEqual(['pl', 'ru']);
    expect(sizes.panel.parts.some((part) => Object.values(sizes.languages).some((language) => language.file === part))).toBe(false);
  });

  it.each(['ru', 'pl'])(`language chunk %s is at most ${LANGUAGE_BUDGET_GZIP} bytes gzip`, (code) => {
    const language = sizes.languages[code];
    expect(language, formatSizeTable(sizes)).toBeDefined();
    expect(language!.gzip, `${language!.file} is ${language!.gzip} B gzip.\n${formatSizeTable(sizes)}`).toBeLessThanOrEqual(LANGUAGE_BUDGET_GZIP);
  });

  it.each(Object.entries(LAZY_BUDGETS_GZIP))('lazy chunk %s is at most %i bytes gzip', (src, budget) => {
    const chunk = sizes.lazy[src]!;
    expect(chunk.gzip, `${chunk.file} is ${chunk.gzip} B gzip.\n${formatSizeTable(sizes)}`).toBeLessThanOrEqual(budget);
  });

  it('the share buttons, QR code, placements and offer card are not part of the panel entry', () => {
    const lazyFiles = Object.values(sizes.lazy).flatMap((chunk) => chunk.parts);
    expect(sizes.panel.parts.filter((part) => lazyFiles.includes(part))).toEqual([]);
    // The QR encoder is in the QR chunk only.
    const qr = sizes.lazy['src/panel/components/qr-code.tsx']!;
    expect(qr.gzip).toBeGreaterThan(2000);
    expect(sizes.panel.gzip + qr.gzip).toBeGreaterThan(PANEL_BUDGET_GZIP);
  });

  it('measures real files (brotli smaller than gzip smaller than raw)', () => {
    for (const row of [sizes.loader, sizes.panel]) {
      expect(row.raw).toBeGreaterThan(row.gzip);
      expect(row.gzip).toBeGreaterThan(row.brotli);
    }
    expect(sizes.panel.parts.length).toBeGreaterThanOrEqual(1);
  });
});
