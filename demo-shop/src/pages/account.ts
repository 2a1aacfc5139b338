import { html, type SafeHtml } from '../html.ts';
import { formatMoney } from '../money-format.ts';
import { CURRENCY } from '../catalog.ts';
import type { Customer, Order } from '../store.ts';
import type { StoreCredit } from '../sarafan/store-credit.ts';

export interface AccountPageProps {
  customer: Customer;
  orders: Order[];
  /** null when Sarafan could not be reached. */
  credit: StoreCredit | null;
}

export function accountPage(props: AccountPageProps): SafeHtml {
  const { customer, orders, credit } = props;
  return html`<h1>Your account</h1>
<p>Signed in as <strong>${customer.email}</strong>${customer.name ? html` (${customer.name})` : ''}.</p>
${storeCreditSection(credit)}
<section class="invite">
  <h2>Invite a friend</h2>
  <div class="sarafan-mount" data-sarafan-panel></div>
</section>
<section>
  <h2>Your orders</h2>
  ${
    orders.length === 0
      ? html`<p data-testid="account-orders" class="muted">No orders yet.</p>`
      : html`<ul class="orders" data-testid="account-orders">
    ${orders.map(
      (order) => html`<li>
      <a href="/orders/${order.id}">${order.id}</a>
      <span>${formatMoney(order.total, order.currency)}</span>
      <span class="status status-${order.status}">${order.status}</span>
    </li>`,
    )}
  </ul>`
  }
</section>`;
}

function storeCreditSection(credit: StoreCredit | null): SafeHtml {
  if (!credit) {
    return html`<section class="credit" data-testid="account-store-credit" data-unavailable="true">
  <h2>Store credit</h2>
  <p class="muted">Your store credit can't be shown right now. Please try again in a moment.</p>
</section>`;
  }
  const eur = credit.totals.find((totals) => totals.currency === CURRENCY) ?? { currency: CURRENCY, pending: 0, approved: 0 };
  // The shop sells in EUR; other currencies are listed too, never converted.
  const totals = [eur, ...credit.totals.filter((totals) => totals.currency !== CURRENCY)];
  return html`<section class="credit" data-testid="account-store-credit" data-pending="${eur.pending}" data-approved="${eur.approved}">
  <h2>Store credit</h2>
  <dl class="credit-totals">
    ${totals.map((row) => {
      const suffix = totals.length > 1 ? ` (${row.currency})` : '';
      return html`<div><dt>Approved, usable${suffix}</dt><dd>${formatMoney(row.approved, row.currency)}</dd></div>
    <div><dt>Pending${suffix}</dt><dd>${formatMoney(row.pending, row.currency)}</dd></div>`;
    })}
  </dl>
  <p class="muted">
    You earn store credit when friends buy through your referral link (code
    <strong>${credit.ambassadorCode}</strong>). Pending rewards become usable after they are approved.
  </p>
</section>`;
}

export function signInPage(error: string | null, email: string): SafeHtml {
  return html`<h1>Sign in</h1>
<p class="muted">Demo shop: there are no passwords. Enter an e-mail address to see its orders and store credit.</p>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="/sign-in" class="sign-in">
  <label>E-mail <input type="email" name="email" value="${email}" required autocomplete="email" maxlength="254" data-testid="sign-in-email"></label>
  <label>Name (optional) <input type="text" name="name" autocomplete="name" maxlength="100"></label>
  <button type="submit" class="primary" data-testid="sign-in">Sign in</button>
</form>`;
}

export function signOutPage(): SafeHtml {
  return html`<h1>Sign out</h1>
<form method="post" action="/sign-out"><button type="submit" class="primary">Sign out</button></form>`;
}
