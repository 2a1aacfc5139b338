/**
 * The panel's stylesheet, put into every shadow root it renders (the dialog and the other lazily
 * loaded placements add their own rules, see `renderWithCss`). `all: initial` on the host
 * keeps the shop's inherited styles out, and again on the panel's outermost boxes, for when a
 * shop's rule (`* { letter-spacing: … }`) reaches the host itself and outranks `:host`; the
 * shadow boundary keeps ours in. Sizes are px because
 * shops change the root font size. Shops can theme through the `--sarafan-*` custom properties,
 * which (unlike other properties) cross the shadow boundary. Lines end in `\` so that the string
 * carries no line breaks (the panel's bytes are budgeted).
 *
 * Default colours meet WCAG 2.2 AA in both schemes: text and muted text ≥ 4.5:1 on the card and
 * its surfaces, the accent ≥ 4.5:1 as text and behind button text, the focus ring ≥ 3:1.
 */
const LIGHT_AND_LAYOUT = `\
:host{all:initial;display:block;\
--a:var(--sarafan-accent,#1f6f43);--at:var(--sarafan-accent-text,#fff);--t:var(--sarafan-text,#1d2125);\
--m:var(--sarafan-muted,#5b636b);--b:var(--sarafan-border,#d5d9de);--bg:var(--sarafan-background,#fff);\
--s:var(--sarafan-surface,#f3f5f7);--f:var(--sarafan-focus,#0b63ce)}\
*{box-sizing:border-box}\
.card{all:initial;box-sizing:border-box;display:block;font:14px/20px var(--sarafan-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--t);\
background:var(--bg);border:1px solid var(--b);border-radius:var(--sarafan-radius,12px);padding:16px;max-width:480px;text-align:left}\
h2{margin:0 32px 4px 0;font-size:18px;line-height:24px;font-weight:600}\
p,.row,.stats{margin:0 0 12px}\
.muted,dt{color:var(--m);font-size:12px;line-height:16px}\
.muted{margin:0 0 4px}\
.row{display:flex;flex-wrap:wrap;align-items:center;gap:8px}\
input{flex:1 1 180px;min-width:0;font:inherit;color:inherit;padding:7px 10px;border:1px solid var(--b);border-radius:8px;background:var(--s)}\
button,.button{font:inherit;font-weight:600;padding:7px 12px;border:1px solid var(--a);border-radius:8px;\
background:var(--a);color:var(--at);cursor:pointer;text-decoration:none;display:inline-block}\
.secondary{background:0 0;color:var(--a)}\
:focus-visible{outline:2px solid var(--f);outline-offset:2px}\
code{font:600 15px/20px ui-monospace,Menlo,Consolas,monospace;letter-spacing:1px;padding:6px 8px;border-radius:6px;background:var(--s)}\
.stats{display:flex;gap:24px}\
.stats div{display:flex;flex-direction:column-reverse}\
dl,dd{margin:0}\
dd{font-size:20px;line-height:28px;font-weight:600}\
.totals{display:flex;flex-wrap:wrap;gap:4px 16px;margin:0 0 8px}\
ul{list-style:none;margin:0;padding:0;max-height:160px;overflow:auto}\
li{display:flex;justify-content:space-between;gap:8px;padding:6px 0;border-top:1px solid var(--b)}`;

/** Dark defaults; a shop's own `--sarafan-*` values still win (set them per scheme if they differ). */
const DARK = `\
:host{color-scheme:dark;\
--a:var(--sarafan-accent,#7ed7a4);--at:var(--sarafan-accent-text,#0b2a19);--t:var(--sarafan-text,#e9ecef);\
--m:var(--sarafan-muted,#aab3bc);--b:var(--sarafan-border,#3d444c);--bg:var(--sarafan-background,#1c1f23);\
--s:var(--sarafan-surface,#2a2f35);--f:var(--sarafan-focus,#8ab4f8)}`;

/** The stylesheet for `data-theme`: `light` or `dark` forces a scheme; otherwise the visitor's system decides. */
export function panelCss(theme: string | undefined): string {
  return LIGHT_AND_LAYOUT + (theme == 'light' ? '' : theme == 'dark' ? DARK : `@media (prefers-color-scheme:dark){${DARK}}`);
}
