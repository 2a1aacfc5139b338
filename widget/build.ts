/**
 * `npm run build`: the widget's production files in widget/dist.
 *
 * 1. The panel: an ES module with content-hashed names, Preact bundled in, plus its lazy chunks
 *    (the dialog, and each built-in language but English), which it imports by relative URL.
 *    The server serves these under /widget/ with immutable caching.
 * 2. The loader: one classic script, widget.js (IIFE, no imports or exports), which learns the
 *    hashed panel file name through `define` and imports it by absolute URL.
 */
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig, type Rolldown } from 'vite';

const widgetDir = dirname(fileURLToPath(import.meta.url));
export const DIST_DIR = resolve(widgetDir, 'dist');
export const LOADER_FILE = 'widget.js';

/** What every build shares: no config file (vite.config.ts is the test setup), quiet, minified. */
function baseConfig(): InlineConfig {
  return {
    configFile: false,
    root: widgetDir,
    logLevel: 'warn',
    publicDir: false,
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: DIST_DIR,
      emptyOutDir: false,
      copyPublicDir: false,
      modulePreload: false,
      reportCompressedSize: false,
      minify: true,
      sourcemap: false,
    },
  };
}

function outputsOf(result: Awaited<ReturnType<typeof build>>): Rolldown.OutputChunk[] {
  const outputs = Array.isArray(result) ? result : [result];
  return outputs.flatMap((output) => ('output' in output ? output.output : [])).filter((file) => file.type === 'chunk');
}

export async function buildWidget(): Promise<{ loader: string; panel: string; files: string[] }> {
  rmSync(DIST_DIR, { recursive: true, force: true });

  const base = baseConfig();
  const panelResult = await build({
    ...base,
    // Classic `h(type, props, ...children)` calls: shorter than the automatic runtime's `jsx()`
    // calls, and Preact's `createElement` serves them without a second vnode factory. Only here:
    // injected into the loader, the import would pull Preact into every page.
    oxc: {
      jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' },
      jsxInject: "import { h, Fragment } from 'preact'",
    },
    build: {
      ...base.build,
      // The size test reads it to find the panel entry, the chunks it imports statically and the
      // lazily imported language chunks.
      manifest: true,
      // Library mode: the panel keeps its `show` export, and its lazy imports (languages) stay
      // plain `import()`s, without the preload helper an app build wraps them in (~300 B gzip).
      lib: { entry: { panel: resolve(widgetDir, 'src/panel/main.ts') }, formats: ['es'] },
      rolldownOptions: {
        // `show` stays; lazy chunks may import Preact and shared code from the entry rather than
        // a separate chunk (one request more before the panel can render).
        preserveEntrySignatures: 'allow-extension',
        output: {
          format: 'es',
          entryFileNames: '[name]-[hash].js',
          chunkFileNames: 'panel-[name]-[hash].js',
          assetFileNames: 'panel-[name]-[hash][extname]',
          // Library mode would keep whitespace and annotations for another bundler; this is the
          // file browsers download.
          minify: true,
          comments: false,
        },
      },
    },
  });
  const panelChunks = outputsOf(panelResult);
  const panelEntry = panelChunks.find((chunk) => chunk.isEntry);
  if (!panelEntry) throw new Error('The panel build produced no entry chunk.');

  await build({
    ...base,
    define: { __SARAFAN_PANEL_FILE__: JSON.stringify(panelEntry.fileName) },
    build: {
      ...base.build,
      rolldownOptions: {
        input: resolve(widgetDir, 'src/loader/main.ts'),
        output: { format: 'iife', entryFileNames: LOADER_FILE },
      },
    },
  });

  return { loader: LOADER_FILE, panel: panelEntry.fileName, files: [LOADER_FILE, ...panelChunks.map((chunk) => chunk.fileName)] };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { files } = await buildWidget();
  console.log(`widget: built ${files.join(', ')} in widget/dist`);
}
