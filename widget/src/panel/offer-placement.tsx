import type { FriendOffer } from '../../../shared/src/wire.ts';
import { FriendOfferCard } from './components/friend-offer-card.tsx';
import type { Messages } from './messages.ts';
import { CLOSE_CSS } from './close-css.ts';
import { renderWithCss } from './extra-sheet.tsx';
import { appendHost, removeHost } from './shadow-host.tsx';

/**
 * The card's own styles: its chunk is loaded only for referred visitors. On a phone it is a low
 * bar across the screen (the instruction is there for screen readers only), so that it hides
 * little of the shop's page: about 78 px instead of 134.
 */
const CSS = `${CLOSE_CSS}\
.offer{position:fixed;right:16px;bottom:16px;z-index:2147483646;width:320px;max-width:calc(100vw - 32px);box-shadow:0 8px 24px #0000002e}\
.offer p:first-of-type{font-weight:600;font-size:16px;margin-right:32px}\
:host([data-up]) .offer{bottom:76px}\
:host .offer.top{top:16px;bottom:auto}\
@media(max-width:480px){.offer{left:8px;right:8px;bottom:8px;width:auto;max-width:none;padding:8px 12px}\
.offer p:first-of-type{font-size:14px;margin-bottom:4px}.offer .row{margin:0}:host([data-up]) .offer{bottom:64px}\
:host .offer.top{top:8px;bottom:auto}.offer .muted{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}}`;

/** Per tab: a dismissed offer stays dismissed while the visitor browses, and returns next visit. */
const DISMISSED_KEY = 'sarafan_offer_dismissed';

let offerRoot: ShadowRoot | null = null;
let dismiss = () => {};

/**
 * Escape dismisses the card, unless the widget's dialog is open (its Escape closes only the dialog)
 * or the shop's page used the key for itself.
 */
const dismissOnEscape = (event: KeyboardEvent) => {
  if (event.key == 'Escape' && !event.defaultPrevented && !document.querySelector('sarafan-dialog')) dismiss();
};

/**
 * WCAG 2.2 "focus not obscured": when the keyboard focus lands on something under the card (a
 * footer link, the launcher), the card moves to the other end of the screen, and back again.
 */
const moveAwayFromFocus = (event: FocusEvent) => {
  const card = offerRoot?.querySelector('aside');
  const focused = event.composedPath()[0] as Element;
  if (!card || card.contains(focused)) return;
  const a = focused.getBoundingClientRect();
  const b = card.getBoundingClientRect();
  if (a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right) card.classList.toggle('top');
};

/** Shows, updates or removes the friend offer card; `null` removes it. */
export function renderOffer(offer: FriendOffer | null, t: Messages): void {
  if (!offer || readDismissed() === offer.couponCode) return hideOffer();
  if (!offerRoot) {
    offerRoot = appendHost('sarafan-offer');
    document.addEventListener('keydown', dismissOnEscape);
    document.addEventListener('focusin', moveAwayFromFocus);
  }
  // Above the widget's launcher when the page has one, not on top of it.
  offerRoot.host.toggleAttribute('data-up', !!document.querySelector('sarafan-launcher'));
  dismiss = () => {
    writeDismissed(offer.couponCode);
    hideOffer();
  };
  renderWithCss(<FriendOfferCard offer={offer} t={t} onDismiss={dismiss} />, offerRoot, CSS);
}

export function isOfferShown(): boolean {
  return offerRoot !== null;
}

export function hideOffer(): void {
  if (offerRoot) removeHost(offerRoot);
  offerRoot = null;
  document.removeEventListener('keydown', dismissOnEscape);
  document.removeEventListener('focusin', moveAwayFromFocus);
}

function readDismissed(): string | null {
  try {
    return sessionStorage.getItem(DISMISSED_KEY);
  } catch {
    return null;
  }
}

function writeDismissed(couponCode: string): void {
  try {
    sessionStorage.setItem(DISMISSED_KEY, couponCode);
  } catch {
    // Storage blocked: dismissed for this page only.
  }
}
