import { html, type SafeHtml } from '../html.ts';
import { formatMoney } from '../money-format.ts';
import { percentOf } from '../../../shared/src/money.ts';
import type { OrderPricing } from '../pricing.ts';
import type { CouponResponse } from '../../../shared/src/wire.ts';

export interface CheckoutForm {
  email: string;
  name: string;
  coupon: string;
}

export interface CheckoutPageProps {
  pricing: OrderPricing;
  form: CheckoutForm;
  /** The friend offer found through the visitor's referral cookie, shown above the form. */
  offer: CouponResponse | null;
  error: string | null;
}

export function checkoutPage(props: CheckoutPageProps): SafeHtml {
  const { pricing, form, offer, error } = props;
  const money = (amount: number) => formatMoney(amount, pricing.currency);
  // The demo shop's pricing knows percentage offers only; a flat offer is not shown here.
  const offerPercent = offer?.discount.type === 'percent' ? offer.discount.percent : undefined;
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
    ${
      offer && offerPercent !== undefined
        ? html`<p class="friend-offer" data-testid="coupon-offer">
      ${offer.ambassadorName}'s friend offer: ${offerPercent}% off
      <span class="muted">(−${money(percentOf(pricing.subtotal, Math.round(offerPercent * 100)))} with coupon ${offer.code})</span>
    </p>`
        : ''
    }
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
