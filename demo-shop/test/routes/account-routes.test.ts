import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { attributeOf, byTestId, closedPortUrl, testShop, type TestShop } from '../support/test-shop.ts';
import { startFakeSarafan, type FakeSarafan } from '../support/fake-sarafan.ts';

describe('account', () => {
  let fake: FakeSarafan;
  let shop: TestShop;
  beforeAll(async () => {
    fake = await startFakeSarafan();
  });
  afterAll(() => fake.close());
  afterEach(() => shop.close());

  it('offers a demo sign-in when nobody is signed in', async () => {
    shop = testShop({ sarafanUrl: fake.url, sarafanSecretKey: fake.secret });
    const page = (await shop.get('/account')).body;
    expect(page).toContain('data-testid="sign-in-email"');
    expect(page).toContain('data-testid="sign-in"');
    expect(page).toContain('there are no passwords');
    expect(page).not.toContain('sarafan("identify"');

    const bad = await shop.post('/sign-in', { email: 'nope' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('valid e-mail');
    expect(shop.jar.get('shop_customer')).toBeUndefined();
  });

  it("shows store credit (pending from Sarafan, usable from the shop's credits), the panel mount and the orders", async () => {
    shop = testShop({ sarafanUrl: fake.url, sarafanSecretKey: fake.secret });
    const signIn = await shop.post('/sign-in', { email: 'dana@example.com', name: '<i>Dana</i>' });
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe('/account');
    expect(String(signIn.headers['set-cookie'])).toMatch(/shop_customer=[^;]+; Path=\/; SameSite=Lax; Max-Age=2592000; HttpOnly/);

    let page = (await shop.get('/account')).body;
    expect(page).toContain('&lt;i&gt;Dana&lt;/i&gt;');
    expect(attributeOf(page, 'account-store-credit', 'data-pending')).toBe('0');
    expect(attributeOf(page, 'account-store-credit', 'data-approved')).toBe('0');
    expect(page).toMatch(/<div class="sarafan-mount" data-sarafan-panel><\/div>/);
    expect(page).toContain('sarafan("identify",{"email":"dana@example.com","name":"\\u003ci>Dana\\u003c/i>"');
    expect(byTestId(page, 'account-orders')).toBe('No orders yet.');

    const code = shop.store.customerById(1)?.ambassadorCode ?? '';
    const ambassador = fake.ambassadors.get(code);
    if (!ambassador) throw new Error('no ambassador was created');
    ambassador.rewards = [
      { orderId: 'X-1', amount: 240, currency: 'EUR', status: 'pending' },
      { orderId: 'X-2', amount: 180, currency: 'EUR', status: 'approved' },
      { orderId: 'X-3', amount: 995, currency: 'EUR', status: 'voided' },
    ];
    // What the reward.approved webhook granted.
    shop.store.addStoreCredit({ eventId: 'evt_1', ambassadorCode: code, rewardId: 2, amount: 180, currency: 'EUR' }, 1);
    await shop.post('/cart', { slug: 'wool-socks' });
    await shop.post('/checkout', { email: 'dana@example.com', name: '', coupon: '' });
    page = (await shop.get('/account')).body;
    expect(attributeOf(page, 'account-store-credit', 'data-pending')).toBe('240');
    expect(attributeOf(page, 'account-store-credit', 'data-approved')).toBe('180');
    expect(page).toContain('Pending rewards become usable after they are approved.');
    expect(page).toMatch(/data-testid="account-orders"[\s\S]*DS-[A-Z0-9]{10}[\s\S]*€12\.50/);
  });

  it('still shows the account when Sarafan is down', async () => {
    shop = testShop({ sarafanUrl: await closedPortUrl(), sarafanTimeoutMs: 500 });
    await shop.post('/sign-in', { email: 'erin@example.com' });
    const response = await shop.get('/account');
    expect(response.statusCode).toBe(200);
    expect(attributeOf(response.body, 'account-store-credit', 'data-unavailable')).toBe('true');
  });

  it('ignores a forged customer cookie and signs out', async () => {
    shop = testShop({ sarafanUrl: fake.url, sarafanSecretKey: fake.secret });
    await shop.post('/sign-in', { email: 'frank@example.com' });
    const cookie = shop.jar.get('shop_customer') ?? '';
    shop.jar.set('shop_customer', `1.${Date.now()}.${'A'.repeat(43)}`);
    expect((await shop.get('/account')).body).toContain('data-testid="sign-in-email"');

    shop.jar.set('shop_customer', cookie);
    expect((await shop.get('/account')).body).toContain('frank@example.com');
    const out = await shop.post('/sign-out', {});
    expect(out.statusCode).toBe(303);
    expect(shop.jar.get('shop_customer')).toBeUndefined();
    expect((await shop.get('/account')).body).toContain('data-testid="sign-in-email"');
    expect((await shop.get('/sign-out')).statusCode).toBe(200);
  });
});
