import { html, type SafeHtml } from '../html.ts';
import { formatMoney } from '../money-format.ts';
import { CURRENCY, type Product } from '../catalog.ts';
import { MAX_QUANTITY } from '../cart.ts';

export function productPage(product: Product): SafeHtml {
  return html`<article class="product">
  <div class="picture large">${product.picture}</div>
  <div class="details">
    <h1>${product.name}</h1>
    <p class="price">${formatMoney(product.price, CURRENCY)}</p>
    <p>${product.description}</p>
    <form method="post" action="/cart" class="add-to-cart">
      <input type="hidden" name="slug" value="${product.slug}">
      <label>Quantity <input type="number" name="quantity" value="1" min="1" max="${MAX_QUANTITY}" required></label>
      <button type="submit" class="primary" data-testid="add-to-cart">Add to cart</button>
    </form>
    <p><a href="/">← Back to all products</a></p>
  </div>
</article>
<section class="sarafan-slots" aria-label="Recommend and invite">
  <div data-sarafan-product class="sarafan-slot"></div>
  <div data-sarafan-panel class="sarafan-slot"></div>
</section>`;
}
