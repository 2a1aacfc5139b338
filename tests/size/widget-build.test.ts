/**
 * What the server and the shop rely on in widget/dist: a classic-script loader named widget.js,
 * every other file content-hashed (they are served with immutable caching), and a loader that
 * points at a panel file that exists. The loader is also run in a simulated page to check that
 * the built file (not just its source) defines no global but `sarafan`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { LOADER_FILE, WIDGET_DIST, measureWidget } from '../bench/widget-size.ts';

describe('widget build output', () => {
  // Fails with "run npm run build" when there is no build.
  const sizes = measureWidget();
  const loader = readFileSync(join(WIDGET_DIST, LOADER_FILE), 'utf8');

  it('widget.js is a classic script: no import or export statements', () => {
    // A Function body parses like a classic script: static import/export would be a SyntaxError.
    expect(() => new Function(loader)).not.toThrow();
    expect(loader).not.toMatch(/(^|[;}])\s*(import\s*[{*\w]|export\s)/);
  });

  it('every file except widget.js has a content hash in its name', () => {
    const others = readdirSync(WIDGET_DIST, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== LOADER_FILE)
      .map((entry) => entry.name);
    expect(others.length).toBeGreaterThan(0);
    for (const file of others) expect(file).toMatch(/-[A-Za-z0-9_-]{8,}\.[a-z]+$/);
  });

  it('the loader imports the panel entry by its hashed name', () => {
    const [panelEntry] = sizes.panel.parts;
    expect(panelEntry).toBeDefined();
    expect(loader).toContain(`/widget/${panelEntry}`);
  });

  it('run in a page, the built loader defines only `sarafan` and reports the click', async () => {
    const window = new Window({
      url: 'http://shop.test/landing?ref=ALICE7K2&sarafan_click=clk_1',
      settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
    });
    try {
      const { document } = window;
      const script = document.createElement('script');
      script.setAttribute('src', 'http://tracker.test/widget.js');
      script.setAttribute('data-program', 'demo');
      document.head.appendChild(script);
      const requests: Array<{ url: string; body: unknown }> = [];
      const warnings: string[] = [];
      const page = window as unknown as Record<string, unknown>;
      page.fetch = async (url: string, init: RequestInit) => {
        requests.push({ url, body: JSON.parse(String(init.body)) });
        return new window.Response(JSON.stringify({ clickId: 'clk_1', counted: false }), { status: 200 });
      };
      page.console = { warn: (message: string) => warnings.push(message), log() {}, error() {} };
      const before = new Set(Object.getOwnPropertyNames(window));

      (page.eval as (code: string) => void)(loader);
      await new Promise((resolve) => setTimeout(resolve, 20));

      expect(Object.getOwnPropertyNames(window).filter((name) => !before.has(name))).toEqual(['sarafan']);
      expect(requests).toEqual([
        {
          url: 'http://tracker.test/v1/widget/clicks',
          body: expect.objectContaining({ programId: 'demo', code: 'ALICE7K2', clickId: 'clk_1' }),
        },
      ]);
      expect(document.cookie).toContain('sarafan_ref=ALICE7K2.clk_1');
      expect(window.location.search).toBe('?ref=ALICE7K2');
      // The panel import (for the friend offer) fails here, with one warning and no exception.
      expect(warnings.every((message) => message.startsWith('[sarafan] '))).toBe(true);
    } finally {
      await window.happyDOM.close();
    }
  });
});
