import type { CouponResponse } from '../../../shared/src/wire.ts';
import { html, type SafeHtml } from '../html.ts';
import { formatMoney } from '../money-format.ts';
import { discountOn, type OrderPricing } from '../pricing.ts';

export interface CheckoutForm {
  email: string;
  name: string;
  coupon: string;
}

export interface CheckoutPageProps {
  pricing: OrderPricing;
  form: CheckoutForm;
  /** The friend offer found through the visitor's referral cookie for this cart, shown above the
   * form; `eligible: false` only when the cart is below the offer's minimum order. */
  offer: CouponResponse | null;
  error: string | null;
}

export function checkoutPage(props: CheckoutPageProps): SafeHtml {
  const { pricing, form, offer, error } = props;
  const money = (amount: number) => formatMoney(amount, pricing.currency);
  return html`<h1>Checkout</h1>
${error ? html`<p class="error" role="alert" data-testid="checkout-error">${error}</p>` : ''}
<div class="checkout">
  <section class="summary" aria-label="Order summary">
    <ul class="summary-lines">
      ${pricing.lines.map(
        (line) => html`<li><span>${line.quantity} × ${line.product.name}</span><span>${money(line.amount)}</span></li>`,
      )}
    </ul>
    <p class="summary-total"><span>Subtotal</span><span>${money(pricing.subtotal)}</span></p>
    ${offer ? friendOfferNote(offer, pricing) : ''}
  </section>
  <form method="post" action="/checkout" class="checkout-form" novalidate>
    <label>E-mail <input type="email" name="email" value="${form.email}" required autocomplete="email" maxlength="254"></label>
    <label>Name <input type="text" name="name" value="${form.name}" autocomplete="name" maxlength="100"></label>
    <label>Coupon code <input type="text" name="coupon" value="${form.coupon}" autocomplete="off" maxlength="32" spellcheck="false"></label>
    <p class="muted">
      Demo shop: no payment is taken, and there are no passwords. Placing the order signs you in
      with this e-mail address on this browser.
    </p>
    <button type="submit" class="primary" data-testid="place-order">Place order</button>
  </form>
</div>`;
}

/**
 * "Alice's friend offer: €5.00 off orders from €30.00 (−€5.00 with coupon ALICE7K2)". The offer
 * was looked up for this cart, so a flat amount and the minimum are in the shop's currency; a cart
 * below the minimum is told how much more it takes instead of a discount it cannot have yet.
 */
function friendOfferNote(offer: CouponResponse, pricing: OrderPricing): SafeHtml {
  const money = (amount: number) => formatMoney(amount, pricing.currency);
  const minimum = offer.minimumOrder?.currency === pricing.currency ? offer.minimumOrder.amount : 0;
  const terms = offer.discount.type === 'percent' ? `${offer.discount.percent}% off` : `${money(offer.discount.amount)} off`;
  const from = minimum > 0 ? ` orders from ${money(minimum)}` : '';
  const belowMinimum = offer.eligible === false && offer.reason === 'below_minimum';
  const effect = !belowMinimum
    ? `−${money(discountOn(pricing.subtotal, offer.discount))} with coupon ${offer.code}`
    : minimum > pricing.subtotal
      ? `add ${money(minimum - pricing.subtotal)} more to use coupon ${offer.code}`
      : `your order doesn't reach its minimum yet`;
  return html`<p class="friend-offer" data-testid="coupon-offer">
      ${offer.ambassadorName}'s friend offer: ${terms}${from}
      <span class="muted">(${effect})</span>
    </p>`;
}
