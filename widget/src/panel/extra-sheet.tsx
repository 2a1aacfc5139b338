import type { ComponentChildren } from 'preact';
import { renderStyled } from './shadow-host.tsx';

const sheets = new Map<string, CSSStyleSheet | null>();

/**
 * Renders like `renderStyled`, plus `css`: the styles of a lazily loaded placement travel in its
 * own chunk, so pages without it do not pay for them in the panel's entry. A constructed sheet
 * (allowed under a strict CSP), or a `<style>` element where browsers have none.
 */
export function renderWithCss(content: ComponentChildren, root: ShadowRoot, css: string): void {
  let sheet = sheets.get(css);
  if (sheet === undefined) {
    try {
      (sheet = new CSSStyleSheet()).replaceSync(css);
    } catch {
      sheet = null;
    }
    sheets.set(css, sheet);
  }
  renderStyled(sheet ? content : [<style>{css}</style>, content], root);
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
