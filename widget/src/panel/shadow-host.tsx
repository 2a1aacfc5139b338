import { render, type ComponentChildren } from 'preact';
import { panelCss } from './styles.ts';

let css = panelCss(undefined);
/**
 * One constructed stylesheet, adopted by every shadow root: a strict Content-Security-Policy
 * (no `'unsafe-inline'` in `style-src`) blocks `<style>` elements but not these. Browsers
 * without them (Safari before 16.4) get a `<style>` element instead.
 */
let sheet: CSSStyleSheet | undefined;

/** `data-theme` of the script tag (else the owner's mode) and the owner's theme as CSS (`extras`):
 * every placement rendered from now on follows them. */
export function applyTheme(theme: string | undefined, extra = ''): void {
  css = panelCss(theme) + extra;
  try {
    (sheet ||= new CSSStyleSheet()).replaceSync(css);
  } catch {
    sheet = undefined;
  }
}

/** Renders into `root` with the panel's stylesheet (each shadow root needs it). */
export function renderStyled(content: ComponentChildren, root: ShadowRoot): void {
  if (sheet && root.adoptedStyleSheets) {
    root.adoptedStyleSheets = [sheet];
    render(content, root);
  } else {
    render(
      <>
        <style>{css}</style>
        {content}
      </>,
      root,
    );
  }
}

/**
 * A host for an overlay placement at the end of `<body>`. A custom tag name, so that the shop's
 * `div { … }` rules cannot reach it; its children are fixed, so it takes no space.
 */
export function appendHost(tagName: string): ShadowRoot {
  const host = document.createElement(tagName);
  const root = host.attachShadow({ mode: 'open' });
  document.body.append(host);
  return root;
}

export function removeHost(root: ShadowRoot): void {
  render(null, root);
  root.host.remove();
}
