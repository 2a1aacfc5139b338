import { afterEach, describe, expect, it } from 'vitest';
import { PRODUCTS } from '../../src/catalog.ts';
import { testShop, type TestShop } from '../support/test-shop.ts';

describe('catalog pages', () => {
  let shop: TestShop;
  afterEach(() => shop.close());

  it('home lists every product with a link, a picture and a price, and carries the widget', async () => {
    shop = testShop({ sarafanUrl: 'http://sarafan.test' });
    const response = await shop.get('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const page = response.body;
    expect(page.match(/data-testid="product-link"/g)).toHaveLength(PRODUCTS.length);
    for (const product of PRODUCTS) expect(page).toContain(`href="/products/${product.slug}"`);
    expect(page.match(/<svg /g)?.length).toBe(PRODUCTS.length);
    expect(page).toContain('€24.00');
    // Through the shop's own /sarafan path, so that Sarafan is first party.
    expect(page).toContain('<script async src="/sarafan/widget.js" data-program="demo" data-launcher="bottom-right"></script>');
    expect(page).not.toContain('consent-banner');
    expect(page).toContain('<div data-sarafan-banner class="sarafan-banner"></div>');
    expect(page).toMatch(/data-testid="cart-link"[^>]*>Cart \(0\)/);
    expect(page).toContain('demo shop for <strong>Sarafan</strong>');
  });

  it('a product page has an add-to-cart form', async () => {
    shop = testShop();
    const page = (await shop.get('/products/stoneware-mug')).body;
    expect(page).toContain('<h1>Stoneware mug</h1>');
    expect(page).toMatch(/<form method="post" action="\/cart"/);
    // Sarafan's "recommend this product" share and the invite panel.
    expect(page).toContain('<div data-sarafan-product class="sarafan-slot"></div>');
    expect(page).toContain('<div data-sarafan-panel class="sarafan-slot"></div>');
    expect(page).toContain('name="slug" value="stoneware-mug"');
    expect(page).toContain('data-testid="add-to-cart"');
  });

  it('an unknown product is a 404 page that does not echo the address', async () => {
    shop = testShop();
    const response = await shop.get('/products/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('<script>alert(1)');
    expect(response.body).toContain('Product not found');
  });
});
