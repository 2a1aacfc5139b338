import type { ComponentChildren } from 'preact';
import type { SessionResponse, WidgetPlacement } from '../../../shared/src/wire.ts';
import type { ScriptDataset } from '../panel-context.ts';
import { CopyButton } from './components/copy-button.tsx';
import { ShareButtons } from './components/share-buttons.tsx';
import { reportShare } from './events.ts';
import { offerText } from './format.ts';
import { fill, type Messages } from './messages.ts';
import { renderWithCss } from './extra-sheet.tsx';
import { appendHost } from './shadow-host.tsx';

export const BANNER_SELECTOR = '[data-sarafan-banner]';
export const PRODUCT_SELECTOR = '[data-sarafan-product]';

/** The styles only these placements use. */
const CSS = `\
.launcher{position:fixed;bottom:16px;right:16px;z-index:2147483645;padding:10px 18px;border-radius:999px;\
font:600 14px/20px var(--sarafan-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);box-shadow:0 4px 14px rgba(0,0,0,.25)}\
.left{right:auto;left:16px}\
.banner{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:8px 16px;max-width:none;padding:10px 16px}\
.banner p{margin:0;font-weight:600}`;

let launcherRoot: ShadowRoot | undefined;
const render = (content: ComponentChildren, root: ShadowRoot) => renderWithCss(content, root, CSS);

function shadowOf(mount: Element): ShadowRoot | null {
  try {
    return mount.shadowRoot ?? mount.attachShadow({ mode: 'open' });
  } catch {
    // Someone else's closed shadow root.
    return null;
  }
}

/**
 * The share link of a product page: its own address, without any referral or Sarafan parameter
 * (or fragment) it was opened with, plus `ref=CODE`. The friend lands on the product, not the home page.
 */
export function productLink(href: string, code: string): string {
  const url = new URL(href);
  for (const key of [...url.searchParams.keys()]) if (/^(ref|via|sarafan_\w*|qr)$/.test(key)) url.searchParams.delete(key);
  url.searchParams.set('ref', code);
  url.hash = '';
  return url.href;
}

/**
 * The launcher (`data-launcher` on the script tag), banners (`[data-sarafan-banner]`) and product
 * shares (`[data-sarafan-product]`): renders those on this page and returns which were shown.
 * The launcher and banners open the panel dialog through `open`.
 */
export function renderPlacements(
  session: SessionResponse,
  t: Messages,
  dataset: ScriptDataset,
  open: (placement: WidgetPlacement) => void,
): WidgetPlacement[] {
  const shown: WidgetPlacement[] = [];
  const { ambassador } = session;
  const position = dataset.launcher;
  if (position) {
    // Again if the page removed it (a single-page app that re-rendered <body>).
    if (!launcherRoot?.host.isConnected) launcherRoot = appendHost('sarafan-launcher');
    render(
      <button
        type="button"
        lang={t.lang}
        class={'launcher' + (position == 'bottom-left' ? ' left' : '')}
        data-testid="sarafan-launcher"
        aria-haspopup="dialog"
        onClick={() => open('launcher')}
      >
        {dataset.launcherLabel || t.invite}
      </button>,
      launcherRoot,
    );
    shown.push('launcher');
  }

  const banners = document.querySelectorAll(BANNER_SELECTOR);
  for (const mount of banners) {
    const root = shadowOf(mount);
    if (root) {
      render(
        <div lang={t.lang} class="card banner" data-testid="sarafan-banner">
          <p>
            {ambassador
              ? offerText(t.banner, ambassador.offer.discount, t.lang)
              : fill(t.introTitle, { program: session.program.name })}
          </p>
          <button type="button" data-testid="sarafan-banner-open" aria-haspopup="dialog" onClick={() => open('banner')}>
            {t.invite}
          </button>
        </div>,
        root,
      );
    }
  }
  if (banners.length) shown.push('banner');

  // Recommending a product needs a referral code: for anyone else, the shop's own content stays.
  const products = ambassador ? document.querySelectorAll(PRODUCT_SELECTOR) : [];
  for (const mount of products) {
    const root = shadowOf(mount);
    const link = productLink(location.href, ambassador!.code);
    if (root) {
      render(
        <section lang={t.lang} class="card" data-testid="sarafan-product" aria-labelledby="sarafan-product-title">
          <h2 id="sarafan-product-title">{t.productTitle}</h2>
          <p>{offerText(t.friendsGet, ambassador!.offer.discount, t.lang)}</p>
          <div class="row">
            <input readOnly value={link} aria-label={t.linkLabel} data-testid="sarafan-product-link" />
            <CopyButton
              text={link}
              label={t.copyLink}
              t={t}
              testId="sarafan-product-copy"
              onCopied={() => reportShare('copy_link', 'product', ambassador!.code)}
            />
          </div>
          <ShareButtons ambassador={ambassador!} programName={session.program.name} t={t} placement="product" link={link} />
        </section>,
        root,
      );
    }
  }
  if (products.length) shown.push('product');
  return shown;
}
