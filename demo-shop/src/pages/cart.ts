import { html, type SafeHtml } from '../html.ts';
import { formatMoney } from '../money-format.ts';
import { MAX_QUANTITY } from '../cart.ts';
import type { OrderPricing } from '../pricing.ts';

export function cartPage(pricing: OrderPricing): SafeHtml {
  if (pricing.lines.length === 0) {
    return html`<h1>Your cart</h1>
<p class="empty">Your cart is empty. <a href="/">Have a look around.</a></p>`;
  }
  const money = (amount: number) => formatMoney(amount, pricing.currency);
  return html`<h1>Your cart</h1>
<table class="lines">
  <thead><tr><th>Product</th><th>Price</th><th>Quantity</th><th class="num">Amount</th><th></th></tr></thead>
  <tbody>
  ${pricing.lines.map(
    (line) => html`<tr>
    <td><a href="/products/${line.product.slug}">${line.product.name}</a></td>
    <td>${money(line.product.price)}</td>
    <td>
      <form method="post" action="/cart/update" class="inline">
        <input type="hidden" name="slug" value="${line.product.slug}">
        <input type="number" name="quantity" value="${line.quantity}" min="0" max="${MAX_QUANTITY}" aria-label="Quantity of ${line.product.name}">
        <button type="submit">Update</button>
      </form>
    </td>
    <td class="num">${money(line.amount)}</td>
    <td>
      <form method="post" action="/cart/remove" class="inline">
        <input type="hidden" name="slug" value="${line.product.slug}">
        <button type="submit" class="link">Remove</button>
      </form>
    </td>
  </tr>`,
  )}
  </tbody>
  <tfoot><tr><th colspan="3">Total</th><td class="num" data-testid="cart-total" data-amount="${pricing.subtotal}">${money(pricing.subtotal)}</td><td></td></tr></tfoot>
</table>
<p class="actions"><a class="button primary" data-testid="checkout-link" href="/checkout">Checkout</a></p>`;
}
