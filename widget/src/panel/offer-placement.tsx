import type { FriendOffer } from '../../../shared/src/wire.ts';
import { FriendOfferCard } from './components/friend-offer-card.tsx';
import type { Messages } from './messages.ts';
import { appendHost, removeHost, renderStyled } from './shadow-host.tsx';

/** Per tab: a dismissed offer stays dismissed while the visitor browses, and returns next visit. */
const DISMISSED_KEY = 'sarafan_offer_dismissed';

let offerRoot: ShadowRoot | null = null;

/** Shows, updates or removes the friend offer card; `null` removes it. */
export function renderOffer(offer: FriendOffer | null, t: Messages): void {
  if (!offer || readDismissed() === offer.couponCode) return hideOffer();
  offerRoot ??= appendHost('sarafan-offer');
  const dismiss = () => {
    writeDismissed(offer.couponCode);
    hideOffer();
  };
  renderStyled(<FriendOfferCard offer={offer} t={t} onDismiss={dismiss} />, offerRoot);
}

export function isOfferShown(): boolean {
  return offerRoot !== null;
}

export function hideOffer(): void {
  if (offerRoot) removeHost(offerRoot);
  offerRoot = null;
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
