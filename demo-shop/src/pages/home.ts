import { html, type SafeHtml } from '../html.ts';
import { formatMoney } from '../money-format.ts';
import { CURRENCY, type Product } from '../catalog.ts';

export function homePage(products: readonly Product[]): SafeHtml {
  return html`<div data-sarafan-banner class="sarafan-banner"></div>
<section class="intro">
  <h1>Small things, made well</h1>
  <p>
    This is a demo shop for <strong>Sarafan</strong>, a referral program you host yourself.
    Buy something (no payment is taken), then open <a href="/account">your account</a> to get your
    personal referral link. Friends who use it get the welcome offer the panel shows them, and you
    get store credit for what they buy once the reward is approved.
  </p>
</section>
<section class="product-grid" aria-label="Products">
  ${products.map(
    (product) => html`<a class="product-card" data-testid="product-link" href="/products/${product.slug}">
    <span class="picture">${product.picture}</span>
    <span class="product-name">${product.name}</span>
    <span class="price">${formatMoney(product.price, CURRENCY)}</span>
  </a>`,
  )}
</section>`;
}
