/**
 * The widget's bytes as browsers download them: raw, gzip (level 9) and brotli (quality 11) of the
 * built files in widget/dist. Shared by `npm run bench` (prints) and tests/size (asserts).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const WIDGET_DIST = resolve(fileURLToPath(new URL('../../widget/dist', import.meta.url)));
export const LOADER_FILE = 'widget.js';

/** 1.7 KB and 9 KB, with 1 KB = 1024 bytes: 1.7 × 1024 = 1740.8, rounded down to whole bytes. */
export const LOADER_BUDGET_GZIP = 1740;
export const PANEL_BUDGET_GZIP = 9 * 1024;
/** Each built-in language but English (widget/src/panel/lang/), fetched only for its pages. */
export const LANGUAGE_BUDGET_GZIP = 1536;
/** The modal dialog, fetched only after `purchase` or `open`, with its own styles (moved out of
 * the panel entry, which had no room left for splitting its first render into tasks). */
export const DIALOG_BUDGET_GZIP = 1280;
/** The extras (owner's settings, joining by email, badge, progress, split, leaderboard), fetched
 * with every session, next to it. */
export const EXTRAS_BUDGET_GZIP = 3584;
/** The extras' texts in each built-in language but English (widget/src/panel/extras/lang/). */
export const EXTRAS_LANGUAGE_BUDGET_GZIP = 1024;
/**
 * The other lazily loaded chunks (by source file in widget/), each measured with the shared
 * chunks it imports that are neither the panel nor another lazy chunk: what showing it costs.
 */
export const LAZY_BUDGETS_GZIP: Record<string, number> = {
  /** Share channels, fetched with the session for a visitor who may be an ambassador. */
  'src/panel/components/share-buttons.tsx': 1280,
  /** The QR code (the uqr encoder is most of it), fetched when the visitor asks for it. */
  'src/panel/components/qr-code.tsx': 4608,
  /** The launcher, banner and product share, fetched where the page has them. */
  'src/panel/placements.tsx': 1536,
  /** The friend offer card, fetched for a referred visitor; flat offers with a minimum and an end date
   * take words, and a phone gets a layout of its own. */
  'src/panel/offer-placement.tsx': 1792,
};

export interface SizeRow {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

export interface WidgetSizes {
  /** Every file the server serves from widget/dist. */
  files: SizeRow[];
  /** widget.js, downloaded on every page. */
  loader: SizeRow;
  /** The panel entry plus the chunks it imports statically: what opening the panel costs. */
  panel: SizeRow & { parts: string[] };
  /** Language chunks by language code (`ru`), from widget/src/panel/lang/{code}.ts. */
  languages: Record<string, SizeRow>;
  /** The dialog chunk, from widget/src/panel/dialog-placement.tsx. */
  dialog: SizeRow;
  /** The extras chunk, from widget/src/panel/extras/extras.tsx. */
  extras: SizeRow;
  /** The extras' language chunks by language code, from widget/src/panel/extras/lang/extras-{code}.ts. */
  extrasLanguages: Record<string, SizeRow>;
  /** The chunks of `LAZY_BUDGETS_GZIP` by source file, each with its shared imports. */
  lazy: Record<string, SizeRow & { parts: string[] }>;
}

export function measure(file: string, bytes: Buffer): SizeRow {
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

interface ManifestEntry {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** Measures the built widget; throws a message saying what to run when there is no build. */
export function measureWidget(dist = WIDGET_DIST): WidgetSizes {
  const manifestPath = join(dist, '.vite', 'manifest.json');
  if (!existsSync(join(dist, LOADER_FILE)) || !existsSync(manifestPath)) {
    throw new Error(`The widget is not built (no ${LOADER_FILE} or .vite/manifest.json in widget/dist). Run \`npm run build\` first.`);
  }
  const files = readdirSync(dist)
    .filter((file) => statSync(join(dist, file)).isFile())
    .sort((a, b) => (a === LOADER_FILE ? -1 : b === LOADER_FILE ? 1 : a.localeCompare(b)))
    .map((file) => measure(file, readFileSync(join(dist, file))));
  const row = (file: string) => {
    const found = files.find((candidate) => candidate.file === file);
    if (!found) throw new Error(`widget/dist/${file} is named in the build manifest but missing. Run \`npm run build\` again.`);
    return found;
  };

  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestEntry>;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('widget/dist/.vite/manifest.json has no panel entry. Run `npm run build` again.');
  const parts: string[] = [];
  const collect = (key: string) => {
    const entry = manifest[key];
    if (!entry || parts.includes(entry.file)) return;
    parts.push(entry.file);
    for (const imported of entry.imports ?? []) collect(imported);
  };
  collect(entryKey);
  const panelRows = parts.map(row);
  const sum = (key: 'raw' | 'gzip' | 'brotli') => panelRows.reduce((total, part) => total + part[key], 0);

  // Lazy chunks are measured alone: what they import statically is the panel, already loaded.
  const lazy = (manifest[entryKey]?.dynamicImports ?? []).map((key) => manifest[key]!);
  const languages = Object.fromEntries(
    lazy.flatMap((entry) => {
      const code = entry.src?.match(/^src\/panel\/lang\/(\w+)\.ts$/)?.[1];
      return code ? [[code, row(entry.file)]] : [];
    }),
  );
  const dialogEntry = lazy.find((entry) => entry.src === 'src/panel/dialog-placement.tsx');
  if (!dialogEntry) throw new Error('The build manifest names no dialog chunk. Run `npm run build` again.');
  const extrasEntry = lazy.find((entry) => entry.src === 'src/panel/extras/extras.tsx');
  if (!extrasEntry) throw new Error('The build manifest names no extras chunk. Run `npm run build` again.');
  const extrasLanguages = Object.fromEntries(
    (extrasEntry.dynamicImports ?? []).flatMap((key) => {
      const code = manifest[key]?.src?.match(/^src\/panel\/extras\/lang\/extras-(\w+)\.ts$/)?.[1];
      return code ? [[code, row(manifest[key]!.file)]] : [];
    }),
  );

  const lazyChunks = Object.fromEntries(
    Object.keys(LAZY_BUDGETS_GZIP).map((src) => {
      const entry = manifest[src];
      if (!entry?.isDynamicEntry) throw new Error(`The build manifest names no lazy chunk for ${src}. Run \`npm run build\` again.`);
      const own = [entry.file, ...(entry.imports ?? []).filter((key) => !manifest[key]?.isEntry && !manifest[key]?.isDynamicEntry).map((key) => manifest[key]!.file)];
      const rows = own.map(row);
      const total = (key: 'raw' | 'gzip' | 'brotli') => rows.reduce((sum, part) => sum + part[key], 0);
      return [src, { file: own.join(' + '), raw: total('raw'), gzip: total('gzip'), brotli: total('brotli'), parts: own }];
    }),
  );

  return {
    files,
    lazy: lazyChunks,
    loader: row(LOADER_FILE),
    panel: { file: 'panel entry + static imports', raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli'), parts },
    languages,
    dialog: row(dialogEntry.file),
    extras: row(extrasEntry.file),
    extrasLanguages,
  };
}

export function formatSizeTable(sizes: WidgetSizes): string {
  const rows = [
    ...sizes.files,
    { ...sizes.loader, file: `= loader (budget ${LOADER_BUDGET_GZIP} B gzip)` },
    { ...sizes.panel, file: `= panel, ${sizes.panel.parts.length} file(s) (budget ${PANEL_BUDGET_GZIP} B gzip)` },
    { ...sizes.dialog, file: `= dialog (budget ${DIALOG_BUDGET_GZIP} B gzip)` },
    { ...sizes.extras, file: `= extras (budget ${EXTRAS_BUDGET_GZIP} B gzip)` },
    ...Object.entries(sizes.extrasLanguages).map(([code, size]) => ({ ...size, file: `= extras ${code} (budget ${EXTRAS_LANGUAGE_BUDGET_GZIP} B gzip)` })),
    ...Object.entries(sizes.languages).map(([code, size]) => ({ ...size, file: `= language ${code} (budget ${LANGUAGE_BUDGET_GZIP} B gzip)` })),
    ...Object.entries(sizes.lazy).map(([src, size]) => ({
      ...size,
      file: `= ${src.replace(/^.*\/|\.tsx?$/g, '')}, ${size.parts.length} file(s) (budget ${LAZY_BUDGETS_GZIP[src]} B gzip)`,
    })),
  ];
  const width = Math.max(4, ...rows.map((row) => row.file.length));
  const line = (file: string, raw: string, gzip: string, brotli: string) =>
    `${file.padEnd(width)}  ${raw.padStart(8)}  ${gzip.padStart(8)}  ${brotli.padStart(8)}`;
  return [
    line('file', 'raw', 'gzip', 'brotli'),
    ...rows.map((row) => line(row.file, String(row.raw), String(row.gzip), String(row.brotli))),
  ].join('\n');
}

/** `npm run bench`: prints the widget's sizes in bytes and returns them. */
export async function widgetSizes(): Promise<WidgetSizes> {
  const sizes = measureWidget();
  console.log('Widget size (bytes)');
  console.log(formatSizeTable(sizes));
  return sizes;
}
