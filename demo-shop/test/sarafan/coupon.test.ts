import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SarafanClient } from '../../src/sarafan/client.ts';
import { checkCoupon } from '../../src/sarafan/coupon.ts';
import { startFakeSarafan, type FakeSarafan } from '../support/fake-sarafan.ts';
import { closedPortUrl } from '../support/test-shop.ts';

describe('checkCoupon', () => {
  let fake: FakeSarafan;
  let client: SarafanClient;
  beforeAll(async () => {
    fake = await startFakeSarafan();
    fake.ambassadors.set('ALICE7K2', { code: 'ALICE7K2', name: 'Alice', email: 'alice@example.com' });
    client = new SarafanClient({ baseUrl: fake.url, secretKey: fake.secret, timeoutMs: 1000 });
  });
  afterAll(() => fake.close());
  afterEach(() => {
    fake.friendOffer = { discount: { type: 'percent', percent: 10 } };
  });

  /** The order before the discount: €29.85. */
  const order = { amount: 2985, currency: 'EUR' };

  it('accepts a friend coupon typed in any case', async () => {
    const decision = await checkCoupon(client, ' alice7k2 ', 'bob@example.com', order);
    expect(decision).toMatchObject({
      ok: true,
      discount: { type: 'percent', percent: 10 },
      coupon: { code: 'ALICE7K2', ambassadorName: 'Alice' },
    });
    // Sarafan hears about the order, so it can check the offer's minimum.
    expect(fake.requests.at(-1)?.url).toBe('/v1/coupons/ALICE7K2?email=bob%40example.com&amount=2985&currency=EUR');
  });

  it('accepts a flat offer in the order currency', async () => {
    fake.friendOffer = { discount: { type: 'flat', amount: 500, currency: 'EUR' } };
    expect(await checkCoupon(client, 'ALICE7K2', 'bob@example.com', order)).toMatchObject({
      ok: true,
      discount: { type: 'flat', amount: 500, currency: 'EUR' },
    });
  });

  it('refuses a flat offer in another currency, saying so', async () => {
    fake.friendOffer = { discount: { type: 'flat', amount: 500, currency: 'USD' } };
    expect(await checkCoupon(client, 'ALICE7K2', 'bob@example.com', order)).toEqual({
      ok: false,
      message: 'This friend offer (US$5.00 off) is for orders in USD, and this shop charges in EUR.',
    });
  });

  it("refuses an order below the offer's minimum with the amount to reach", async () => {
    fake.friendOffer = { discount: { type: 'flat', amount: 500, currency: 'EUR' }, minimumOrder: { amount: 3000, currency: 'EUR' } };
    expect(await checkCoupon(client, 'ALICE7K2', 'bob@example.com', order)).toEqual({
      ok: false,
      message: "Your order doesn't reach this coupon's minimum of €30.00 yet.",
    });
    expect(await checkCoupon(client, 'ALICE7K2', 'bob@example.com', { amount: 3000, currency: 'EUR' })).toMatchObject({ ok: true });
  });

  it("refuses the ambassador's own code with a clear message", async () => {
    expect(await checkCoupon(client, 'ALICE7K2', 'alice@example.com', order)).toEqual({
      ok: false,
      message: "That's your own referral code: share it with friends, and they get the discount.",
    });
  });

  it('refuses unknown and malformed codes without asking about the malformed ones', async () => {
    expect(await checkCoupon(client, 'NOPE2345', 'bob@example.com', order)).toEqual({
      ok: false,
      message: 'We don\'t know the coupon code "NOPE2345".',
    });
    const before = fake.requests.length;
    expect(await checkCoupon(client, '../admin', 'bob@example.com', order)).toMatchObject({ ok: false });
    expect(fake.requests.length).toBe(before);
  });

  it('refuses rather than guesses when Sarafan is unreachable', async () => {
    const offline = new SarafanClient({ baseUrl: await closedPortUrl(), secretKey: 'k', timeoutMs: 500 });
    expect(await checkCoupon(offline, 'ALICE7K2', 'bob@example.com', order)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/couldn't check your coupon/),
    });
  });
});
