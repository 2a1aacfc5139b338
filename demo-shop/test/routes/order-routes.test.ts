import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { identityKey, verifyIdentitySignature } from '../../../shared/src/identity-signature.ts';
import { byTestId, testShop, type TestShop } from '../support/test-shop.ts';
import { startFakeSarafan, type FakeSarafan } from '../support/fake-sarafan.ts';

describe('order page', () => {
  let fake: FakeSarafan;
  let shop: TestShop;
  beforeAll(async () => {
    fake = await startFakeSarafan();
  });
  afterAll(() => fake.close());
  afterEach(() => shop.close());

  async function placeOrder(name = 'Bob'): Promise<string> {
    await shop.post('/cart', { slug: 'beeswax-candle' });
    const response = await shop.post('/checkout', { email: 'bob@example.com', name, coupon: '' });
    expect(response.statusCode).toBe(303);
    return String(response.headers.location);
  }

  it('identifies the customer to the widget and reports the purchase, with a valid signature', async () => {
    shop = testShop({ sarafanUrl: fake.url, sarafanSecretKey: fake.secret });
    const location = await placeOrder('</script><b>Bob</b>');
    const page = (await shop.get(location)).body;
    expect(page).not.toContain('</script><b>');
    expect(page).toContain('&lt;/script&gt;&lt;b&gt;Bob&lt;/b&gt;');

    const identify = /sarafan\("identify",(\{[^)]*\})\);/.exec(page)?.[1];
    const args = JSON.parse(identify ?? 'null') as { email: string; name: string; customerId: string; timestamp: number; signature: string };
    expect(args).toMatchObject({ email: 'bob@example.com', name: '</script><b>Bob</b>', timestamp: shop.clock.now });
    const identity = { programId: 'demo', email: args.email, customerId: args.customerId, timestamp: args.timestamp };
    expect(verifyIdentitySignature(identityKey(fake.secret), identity, args.signature)).toBe(true);
    expect(page).not.toContain(fake.secret);

    const orderId = location.split('/').pop();
    expect(page).toContain(`sarafan("purchase",{"orderId":"${orderId}","amount":2200,"currency":"EUR"});`);
    expect(byTestId(page, 'order-status')).toBe('paid');
    expect(page).not.toContain('data-testid="order-referral"');
  });

  it('is shown only to the customer who placed it', async () => {
    shop = testShop({ sarafanUrl: fake.url, sarafanSecretKey: fake.secret });
    const location = await placeOrder();
    const ownCookie = shop.jar.get('shop_customer') ?? '';

    shop.jar.set('shop_customer', '');
    expect((await shop.get(location)).statusCode).toBe(404);

    await shop.post('/sign-in', { email: 'mallory@example.com' });
    expect((await shop.get(location)).statusCode).toBe(404);
    expect((await shop.post(`${location}/refund`, {})).statusCode).toBe(404);

    // Editing the customer id in one's own cookie does not work either: the signature no longer matches.
    const [bobId] = ownCookie.split('.');
    const [, issuedAt, mac] = (shop.jar.get('shop_customer') ?? '').split('.');
    shop.jar.set('shop_customer', `${bobId}.${issuedAt}.${mac}`);
    expect((await shop.get(location)).statusCode).toBe(404);

    shop.jar.set('shop_customer', ownCookie);
    expect((await shop.get(location)).statusCode).toBe(200);
    expect((await shop.get('/orders/..%2F..%2Fetc')).statusCode).toBe(404);
  });

  it('refunds once, tells Sarafan, and shows the new status', async () => {
    shop = testShop({ sarafanUrl: fake.url, sarafanSecretKey: fake.secret });
    const location = await placeOrder();
    const orderId = location.split('/').pop() ?? '';
    expect((await shop.get(location)).body).toContain('data-testid="refund-order"');

    const refund = await shop.post(`${location}/refund`, {});
    expect(refund.statusCode).toBe(303);
    expect(refund.headers.location).toBe(location);
    await shop.post(`${location}/refund`, {});
    expect(fake.refunds.filter((r) => r.orderId === orderId)).toHaveLength(1);

    const page = (await shop.get(location)).body;
    expect(byTestId(page, 'order-status')).toBe('refunded');
    expect(page).not.toContain('data-testid="refund-order"');
    expect(page).not.toContain('sarafan("purchase"');
    expect(shop.store.orderById(orderId)?.sarafan.refundReportedAt).toBe(shop.clock.now);
  });
});
