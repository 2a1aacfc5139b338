import { afterEach, describe, expect, it } from 'vitest';
import { attributeOf, testShop, type TestShop } from '../support/test-shop.ts';

describe('cart', () => {
  let shop: TestShop;
  afterEach(() => shop.close());

  it('adds, updates and removes lines, and totals in minor units', async () => {
    shop = testShop();
    const added = await shop.post('/cart', { slug: 'linen-tote', quantity: '2' });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/cart');
    await shop.post('/cart', { slug: 'loose-leaf-tea' });

    let page = (await shop.get('/cart')).body;
    expect(attributeOf(page, 'cart-total', 'data-amount')).toBe(String(2 * 2400 + 995));
    expect(page).toMatch(/data-testid="cart-link"[^>]*>Cart \(3\)/);
    expect(page).toContain('data-testid="checkout-link"');

    await shop.post('/cart/update', { slug: 'linen-tote', quantity: '1' });
    page = (await shop.get('/cart')).body;
    expect(attributeOf(page, 'cart-total', 'data-amount')).toBe(String(2400 + 995));

    await shop.post('/cart/remove', { slug: 'linen-tote' });
    await shop.post('/cart/update', { slug: 'loose-leaf-tea', quantity: '0' });
    page = (await shop.get('/cart')).body;
    expect(page).toContain('Your cart is empty');
    expect(shop.jar.get('shop_cart')).toBeUndefined();
  });

  it('refuses unknown products and silly quantities', async () => {
    shop = testShop();
    expect((await shop.post('/cart', { slug: 'nope' })).statusCode).toBe(400);
    expect((await shop.post('/cart', { slug: 'linen-tote', quantity: '-3' })).statusCode).toBe(400);
    expect((await shop.post('/cart', { slug: 'linen-tote', quantity: '1e9' })).statusCode).toBe(400);
    expect((await shop.post('/cart', { slug: 'linen-tote', quantity: '0' })).statusCode).toBe(400);
    expect(shop.jar.get('shop_cart')).toBeUndefined();
    await shop.post('/cart', { slug: 'linen-tote', quantity: '500' });
    expect(attributeOf((await shop.get('/cart')).body, 'cart-total', 'data-amount')).toBe(String(20 * 2400));
  });

  it('survives a hand-edited cart cookie', async () => {
    shop = testShop();
    shop.jar.set('shop_cart', '%E0%A4%A');
    expect((await shop.get('/cart')).statusCode).toBe(200);
    shop.jar.set('shop_cart', encodeURIComponent('linen-tote:2,<script>:1,linen-tote:9'));
    const page = (await shop.get('/cart')).body;
    expect(attributeOf(page, 'cart-total', 'data-amount')).toBe('4800');
    expect(page).not.toContain('<script>:');
  });
});
