import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { attributeOf, byTestId, closedPortUrl, testShop, type TestShop } from '../support/test-shop.ts';
import { startFakeSarafan, type FakeSarafan } from '../support/fake-sarafan.ts';

describe('checkout', () => {
  let fake: FakeSarafan;
  let shop: TestShop;
  beforeAll(async () => {
    fake = await startFakeSarafan();
    fake.ambassadors.set('ALICE7K2', { code: 'ALICE7K2', name: 'Alice', email: 'alice@example.com' });
  });
  afterAll(() => fake.close());
  afterEach(async () => {
    await shop.close();
    fake.friendOffer = { discount: { type: 'percent', percent: 10 } };
  });

  const online = () => testShop({ sarafanUrl: fake.url, sarafanSecretKey: fake.secret });

  it('sends an empty cart back to the cart page', async () => {
    shop = online();
    const response = await shop.get('/checkout');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/cart');
  });

  it("prefills the friend's coupon for a referred visitor", async () => {
    shop = online();
    await shop.post('/cart', { slug: 'linen-tote' });
    shop.jar.set('sarafan_ref', 'ALICE7K2.clk_1').set('sarafan_vid', 'vis_friend');
    const page = (await shop.get('/checkout')).body;
    expect(byTestId(page, 'coupon-offer')).toMatch(/^Alice's friend offer: 10% off/);
    expect(page).toContain('name="coupon" value="ALICE7K2"');
  });

  it('shows a flat friend offer and its minimum order, priced for this cart', async () => {
    shop = online();
    fake.friendOffer = { discount: { type: 'flat', amount: 500, currency: 'EUR' }, minimumOrder: { amount: 3000, currency: 'EUR' } };
    await shop.post('/cart', { slug: 'linen-tote', quantity: '2' });
    shop.jar.set('sarafan_ref', 'ALICE7K2.clk_1').set('sarafan_vid', 'vis_friend');
    const page = (await shop.get('/checkout')).body;
    expect(byTestId(page, 'coupon-offer')).toBe("Alice's friend offer: €5.00 off orders from €30.00");
    expect(page).toContain('(−€5.00 with coupon ALICE7K2)');
    expect(page).toContain('name="coupon" value="ALICE7K2"');
    // The look-up carried the cart before the discount, in the shop's currency.
    expect(fake.requests.some((r) => r.url === '/v1/coupons/ALICE7K2?amount=4800&currency=EUR')).toBe(true);
  });

  it('below the minimum order, says how much more it takes and does not prefill the coupon', async () => {
    shop = online();
    fake.friendOffer = { discount: { type: 'flat', amount: 500, currency: 'EUR' }, minimumOrder: { amount: 3000, currency: 'EUR' } };
    await shop.post('/cart', { slug: 'linen-tote' });
    shop.jar.set('sarafan_ref', 'ALICE7K2.clk_1');
    const page = (await shop.get('/checkout')).body;
    expect(byTestId(page, 'coupon-offer')).toBe("Alice's friend offer: €5.00 off orders from €30.00");
    expect(page).toContain('(add €6.00 more to use coupon ALICE7K2)');
    expect(page).toContain('name="coupon" value=""');
  });

  it('shows no flat offer in a currency the shop does not charge in', async () => {
    shop = online();
    fake.friendOffer = { discount: { type: 'flat', amount: 500, currency: 'USD' } };
    await shop.post('/cart', { slug: 'linen-tote' });
    shop.jar.set('sarafan_ref', 'ALICE7K2.clk_1');
    const page = (await shop.get('/checkout')).body;
    expect(page).not.toContain('data-testid="coupon-offer"');
    expect(page).toContain('name="coupon" value=""');
  });

  it("does not offer an ambassador their own coupon after they clicked their own link", async () => {
    shop = online();
    await shop.post('/sign-in', { email: 'alice@example.com' });
    await shop.post('/cart', { slug: 'linen-tote' });
    shop.jar.set('sarafan_ref', 'ALICE7K2.clk_self');
    const page = (await shop.get('/checkout')).body;
    expect(page).not.toContain('data-testid="coupon-offer"');
    expect(page).toContain('name="email" value="alice@example.com"');
    expect(page).toContain('name="coupon" value=""');
  });

  it('shows no offer when there is no referral', async () => {
    shop = online();
    await shop.post('/cart', { slug: 'linen-tote' });
    const page = (await shop.get('/checkout')).body;
    expect(page).not.toContain('data-testid="coupon-offer"');
    expect(page).toContain('name="coupon" value=""');
  });

  it('validates the form and shows it again, escaped', async () => {
    shop = online();
    await shop.post('/cart', { slug: 'linen-tote' });
    const hostile = '"><script>alert(1)</script>';
    const response = await shop.post('/checkout', { email: 'not-an-email', name: hostile, coupon: '' });
    expect(response.statusCode).toBe(422);
    expect(byTestId(response.body, 'checkout-error')).toBe('Please enter a valid e-mail address.');
    expect(response.body).not.toContain('<script>alert(1)');
    expect(response.body).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(shop.store.ordersOutOfSync()).toEqual([]);
  });

  it('refuses an unknown coupon and the buyer\'s own coupon', async () => {
    shop = online();
    await shop.post('/cart', { slug: 'linen-tote' });
    const unknown = await shop.post('/checkout', { email: 'bob@example.com', name: '', coupon: 'NOPE2345' });
    expect(unknown.statusCode).toBe(422);
    expect(byTestId(unknown.body, 'checkout-error')).toContain('NOPE2345');
    expect(unknown.body).toContain('name="coupon" value="NOPE2345"');

    const own = await shop.post('/checkout', { email: 'Alice@Example.com', name: '', coupon: 'alice7k2' });
    expect(byTestId(own.body, 'checkout-error')).toMatch(/your own referral code/);
    expect(shop.store.ordersOutOfSync()).toEqual([]);
  });

  it('places a referred order: discount, stored order, conversion with the cookies, signed in', async () => {
    shop = online();
    await shop.post('/cart', { slug: 'loose-leaf-tea', quantity: '3' });
    shop.jar.set('sarafan_ref', 'ALICE7K2.clk_1').set('sarafan_vid', 'vis_friend');
    const response = await shop.post('/checkout', { email: 'bob@example.com', name: 'Bob', coupon: 'alice7k2' });
    expect(response.statusCode).toBe(303);
    const orderId = /^\/orders\/(DS-[A-Z0-9]+)$/.exec(String(response.headers.location))?.[1];
    expect(orderId).toBeDefined();

    const order = shop.store.orderById(orderId ?? '');
    // 3 × €9.95 = €29.85; 10% is 298.5 cents, rounded half up.
    expect(order).toMatchObject({ subtotal: 2985, discount: 299, total: 2686, couponCode: 'ALICE7K2', status: 'paid' });
    expect(order?.sarafan).toMatchObject({ attributed: true, ambassadorCode: 'ALICE7K2' });
    expect(fake.conversions.find((c) => c.orderId === orderId)).toEqual({
      orderId,
      amount: 2686,
      currency: 'EUR',
      customer: { email: 'bob@example.com', id: String(order?.customerId) },
      referral: { code: 'ALICE7K2', clickId: 'clk_1', visitorId: 'vis_friend' },
      couponCode: 'ALICE7K2',
      discountAmount: 299,
      // The price of one item: Sarafan multiplies by the quantity.
      items: [{ sku: 'loose-leaf-tea', category: 'pantry', amount: 995, quantity: 3 }],
    });
    expect(shop.jar.get('shop_cart')).toBeUndefined();
    expect(shop.jar.get('shop_customer')).toMatch(/^\d+\./);

    const page = (await shop.get(String(response.headers.location))).body;
    expect(byTestId(page, 'order-id')).toBe(orderId);
    expect(attributeOf(page, 'order-total', 'data-amount')).toBe('2686');
    expect(attributeOf(page, 'order-discount', 'data-amount')).toBe('299');
    expect(byTestId(page, 'order-referral')).toBe('Referred by ALICE7K2');
  });

  it('places an order with a flat offer: the subtotal minus the amount, reported as such', async () => {
    shop = online();
    fake.friendOffer = { discount: { type: 'flat', amount: 500, currency: 'EUR' }, minimumOrder: { amount: 3000, currency: 'EUR' } };
    await shop.post('/cart', { slug: 'linen-tote' });
    const below = await shop.post('/checkout', { email: 'bob@example.com', name: 'Bob', coupon: 'ALICE7K2' });
    expect(below.statusCode).toBe(422);
    expect(byTestId(below.body, 'checkout-error')).toBe("Your order doesn't reach this coupon's minimum of €30.00 yet.");
    expect(shop.store.ordersOutOfSync()).toEqual([]);

    await shop.post('/cart', { slug: 'wool-socks' });
    const response = await shop.post('/checkout', { email: 'bob@example.com', name: 'Bob', coupon: 'ALICE7K2' });
    expect(response.statusCode).toBe(303);
    const orderId = /^\/orders\/(DS-[A-Z0-9]+)$/.exec(String(response.headers.location))?.[1] ?? '';
    // €24.00 + €12.50 = €36.50, minus €5.00.
    expect(shop.store.orderById(orderId)).toMatchObject({ subtotal: 3650, discount: 500, total: 3150, couponCode: 'ALICE7K2' });
    expect(fake.conversions.find((c) => c.orderId === orderId)).toMatchObject({ amount: 3150, currency: 'EUR', discountAmount: 500 });
  });

  it('refuses a flat offer in another currency with the reason', async () => {
    shop = online();
    fake.friendOffer = { discount: { type: 'flat', amount: 500, currency: 'USD' } };
    await shop.post('/cart', { slug: 'linen-tote' });
    const response = await shop.post('/checkout', { email: 'bob@example.com', name: 'Bob', coupon: 'ALICE7K2' });
    expect(response.statusCode).toBe(422);
    expect(byTestId(response.body, 'checkout-error')).toBe(
      'This friend offer (US$5.00 off) is for orders in USD, and this shop charges in EUR.',
    );
  });

  it('keeps the order when Sarafan is unreachable and records that it is not reported', async () => {
    shop = testShop({ sarafanUrl: await closedPortUrl(), sarafanTimeoutMs: 500 });
    await shop.post('/cart', { slug: 'stoneware-mug' });
    shop.jar.set('sarafan_ref', 'ALICE7K2.clk_1');
    const checkout = await shop.get('/checkout');
    expect(checkout.statusCode).toBe(200);
    expect(checkout.body).not.toContain('data-testid="coupon-offer"');

    const response = await shop.post('/checkout', { email: 'carol@example.com', name: 'Carol', coupon: '' });
    expect(response.statusCode).toBe(303);
    const [order] = shop.store.ordersOutOfSync();
    expect(order).toMatchObject({ total: 1800, referral: { code: 'ALICE7K2', clickId: 'clk_1' } });
    expect(order?.sarafan).toMatchObject({ reportedAt: null, attempts: 1, lastError: expect.stringMatching(/unreachable/) });

    const page = await shop.get(`/orders/${order?.id}`);
    expect(page.statusCode).toBe(200);
    expect(attributeOf(page.body, 'order-total', 'data-amount')).toBe('1800');
    expect(page.body).not.toContain('data-testid="order-referral"');
    // The order page retried the report.
    expect(shop.store.orderById(order?.id ?? '')?.sarafan.attempts).toBe(2);
  });

  it('refuses a coupon it cannot check rather than granting it blind', async () => {
    shop = testShop({ sarafanUrl: await closedPortUrl(), sarafanTimeoutMs: 500 });
    await shop.post('/cart', { slug: 'stoneware-mug' });
    const response = await shop.post('/checkout', { email: 'carol@example.com', name: '', coupon: 'ALICE7K2' });
    expect(response.statusCode).toBe(422);
    expect(byTestId(response.body, 'checkout-error')).toMatch(/couldn't check your coupon/);
    expect(shop.store.ordersOutOfSync()).toEqual([]);
  });
});
