import { html, type SafeHtml } from '../html.ts';
import { formatMoney } from '../money-format.ts';
import type { Order } from '../store.ts';

const dateFormat = new Intl.DateTimeFormat('en-IE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export function orderPage(order: Order): SafeHtml {
  const money = (amount: number) => formatMoney(amount, order.currency);
  const refunded = order.status === 'refunded';
  return html`<h1>${refunded ? 'Order refunded' : 'Thank you for your order'}</h1>
<p class="order-meta">
  Order <strong data-testid="order-id">${order.id}</strong>
  · placed ${dateFormat.format(order.createdAt)} UTC
  · status <span class="status status-${order.status}" data-testid="order-status">${order.status}</span>
</p>
<table class="lines">
  <thead><tr><th>Product</th><th>Quantity</th><th class="num">Amount</th></tr></thead>
  <tbody>
  ${order.items.map(
    (item) => html`<tr><td>${item.name}</td><td>${item.quantity}</td><td class="num">${money(item.amount)}</td></tr>`,
  )}
  </tbody>
  <tfoot>
    <tr><th colspan="2">Subtotal</th><td class="num">${money(order.subtotal)}</td></tr>
    <tr>
      <th colspan="2">Friend discount${order.couponCode ? html` (coupon ${order.couponCode})` : ''}</th>
      <td class="num" data-testid="order-discount" data-amount="${order.discount}">${order.discount > 0 ? `−${money(order.discount)}` : money(0)}</td>
    </tr>
    <tr class="grand-total"><th colspan="2">Total</th><td class="num" data-testid="order-total" data-amount="${order.total}">${money(order.total)}</td></tr>
  </tfoot>
</table>
${
  order.sarafan.attributed && order.sarafan.ambassadorCode
    ? html`<p class="muted referral" data-testid="order-referral">Referred by ${order.sarafan.ambassadorCode}</p>`
    : ''
}
${
  refunded
    ? html`<p>This order was refunded${order.refundedAt ? ` on ${dateFormat.format(order.refundedAt)} UTC` : ''}.</p>`
    : html`<form method="post" action="/orders/${order.id}/refund" class="refund">
  <button type="submit" data-testid="refund-order">Refund order</button>
  <span class="muted">Demo: refunds at once, and takes back any referral reward for this order.</span>
</form>`
}
<p><a href="/account">Your account and store credit</a> · <a href="/">Continue shopping</a></p>`;
}
