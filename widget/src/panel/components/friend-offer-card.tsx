import type { FriendOffer } from '../../../../shared/src/wire.ts';
import { formatMoney, offerText } from '../format.ts';
import { fill, type Messages } from '../messages.ts';
import { CopyButton } from './copy-button.tsx';

interface Props {
  offer: FriendOffer;
  t: Messages;
  onDismiss: () => void;
}

/** "Alice gives you 10% off" (or "€5.00 off", "on orders from €30.00", "until 12/31/2025"): a small card in the corner for a visitor who came through a link. */
export function FriendOfferCard({ offer, t, onDismiss }: Props) {
  const min = offer.minimumOrder;
  return (
    <aside lang={t.lang} class="card offer" data-testid="sarafan-offer" aria-label={t.offerLabel}>
      <p>
        {fill(offerText(t.offer, offer.discount, t.lang), { name: offer.ambassadorName })}
        {min && ` ${t.min} ${formatMoney(min.amount, min.currency, t.lang)}`}
        {offer.expiresAt && ` ${t.until} ${new Date(offer.expiresAt).toLocaleDateString(t.lang)}`}
      </p>
      <p class="muted">{t.offerCode}</p>
      <div class="row">
        <code data-testid="sarafan-offer-code">{offer.couponCode}</code>
        <CopyButton text={offer.couponCode} label={t.copyCode} t={t} testId="sarafan-offer-copy" />
      </div>
      <button type="button" class="close" data-testid="sarafan-offer-close" aria-label={t.dismiss} onClick={onDismiss}>
        ×
      </button>
    </aside>
  );
}
