import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REWARD_RULES, type FriendOfferRules, type RewardRules } from '../../../shared/src/reward-rules/rules.ts';
import { FriendCouponTakenError } from '../../src/store/store.ts';
import { ledgerViolations } from '../helpers/ledger-invariants.ts';
import { createTestApp, DAY, OTHER, type TestApp } from '../helpers/test-app.ts';

const withOffer = (offer: Partial<FriendOfferRules>): RewardRules => ({
  ...structuredClone(DEFAULT_REWARD_RULES),
  friendOffer: { ...DEFAULT_REWARD_RULES.friendOffer, ...offer },
});

describe('friend offers: flat discounts, minimum order, expiry, single-use coupons', () => {
  let t: TestApp;
  let code: string;
  beforeEach(async () => {
    t = await createTestApp();
    code = await t.ambassador('alice@example.com', { name: 'Alice' });
  });
  afterEach(async () => {
    expect(ledgerViolations(t.dbPath)).toEqual([]);
    await t.close();
  });

  const setOffer = async (offer: Partial<FriendOfferRules>) => {
    const response = await t.api('PUT', '/v1/program/rules', withOffer(offer));
    expect(response.statusCode).toBe(201);
  };
  const session = (visitorId: string, clickId?: string) =>
    t.widget('session', { programId: 'demo', visitorId, referral: { code, ...(clickId ? { clickId } : {}) } });
  const order = (orderId: string, body: Record<string, unknown>) =>
    t.api('POST', '/v1/conversions', { orderId, amount: 4_000, currency: 'EUR', ...body });

  it('shows a flat offer with its minimum order and its end, counted from the click', async () => {
    await setOffer({ discount: { type: 'flat', amounts: { EUR: 500 } }, minimumOrder: { EUR: 3_000 }, expiresAfterDays: 14 });
    const click = (await t.widget('clicks', { programId: 'demo', code, visitorId: 'friend-1' })).json();
    t.clock.advance(DAY);
    const offer = (await session('friend-1', click.clickId)).json().offer;
    expect(offer).toEqual({
      ambassadorName: 'Alice',
      couponCode: code,
      discount: { type: 'flat', amount: 500, currency: 'EUR' },
      minimumOrder: { amount: 3_000, currency: 'EUR' },
      expiresAt: t.clock.now - DAY + 14 * DAY,
    });
    // After the end, no offer.
    t.clock.advance(14 * DAY);
    expect((await session('friend-1', click.clickId)).json().offer).toBeNull();
  });

  it('words a flat offer in link previews', async () => {
    await setOffer({ discount: { type: 'flat', amounts: { EUR: 500 } }, minimumOrder: { EUR: 3_000 } });
    const page = await t.inject({ method: 'GET', url: `/r/${code}`, headers: { 'user-agent': 'WhatsApp/2.23.20.0 A' } });
    expect(page.body).toContain('Alice gives you €5 off on orders from €30 at Sarafan demo shop');
  });

  it('checks the minimum order and the own code on a shared coupon', async () => {
    await setOffer({ minimumOrder: { EUR: 3_000 } });
    const below = (await t.api('GET', `/v1/coupons/${code}?amount=2999&currency=EUR`)).json();
    expect(below).toMatchObject({ coupon: 'shared', eligible: false, reason: 'below_minimum', minimumOrder: { amount: 3_000, currency: 'EUR' } });
    expect((await t.api('GET', `/v1/coupons/${code}?amount=3000&currency=EUR`)).json().eligible).toBe(true);
    expect((await t.api('GET', `/v1/coupons/${code}?email=alice@example.com`)).json()).toMatchObject({ eligible: false, reason: 'own_code' });
    // A currency without a minimum has none.
    expect((await t.api('GET', `/v1/coupons/${code}?amount=1&currency=USD`)).json().eligible).toBe(true);
    expect((await t.api('GET', `/v1/coupons/${code}?amount=-1`)).json().error.code).toBe('invalid_request');
  });

  it('issues one single-use coupon per friend, accepted once, and says why it is no longer applicable', async () => {
    await setOffer({ coupon: 'single_use', expiresAfterDays: 30 });
    const first = (await session('friend-1')).json().offer;
    const again = (await session('friend-1')).json().offer;
    const other = (await session('friend-2')).json().offer;
    expect(first.couponCode).not.toBe(code);
    expect(again.couponCode).toBe(first.couponCode);
    expect(other.couponCode).not.toBe(first.couponCode);
    expect(first.expiresAt).toBe(t.clock.now + 30 * DAY);
    expect(t.count('friend_coupons')).toBe(2);

    const lookup = (await t.api('GET', `/v1/coupons/${first.couponCode.toLowerCase()}?email=bob@example.com`)).json();
    expect(lookup).toMatchObject({ code: first.couponCode, ambassadorCode: code, ambassadorName: 'Alice', coupon: 'single_use', eligible: true });

    // Typed at checkout without any cookie: attributed to Alice through the friend's coupon.
    const bought = (await order('o1', { couponCode: first.couponCode, customer: { email: 'bob@example.com' }, discountAmount: 400 })).json();
    expect(bought).toMatchObject({ attributed: true, attributedVia: 'coupon', ambassadorCode: code, friendDiscount: { percent: 10, amount: 400 } });
    expect((await t.api('GET', `/v1/coupons/${first.couponCode}`)).json()).toMatchObject({ eligible: false, reason: 'already_used' });
    // The friend offer of that browser is spent.
    expect((await session('friend-1')).json().offer).toBeNull();

    // Used again by someone else: no longer referral evidence.
    const reused = (await order('o2', { couponCode: first.couponCode, customer: { email: 'carol@example.com' } })).json();
    expect(reused).toMatchObject({ attributed: false, reason: 'unknown_referral' });
    // The order that used it answers the same when repeated.
    expect((await order('o1', { couponCode: first.couponCode, customer: { email: 'bob@example.com' } })).json()).toMatchObject({ attributed: true });

    // Friend 2's coupon expires 30 days after it was issued.
    t.clock.advance(31 * DAY);
    expect((await t.api('GET', `/v1/coupons/${other.couponCode}`)).json()).toMatchObject({ eligible: false, reason: 'expired' });
  });

  it('lets only one of two orders racing for a single-use coupon use it', async () => {
    await setOffer({ coupon: 'single_use' });
    const coupon = (await session('friend-1')).json().offer.couponCode;
    const answers = await Promise.all(
      ['r1', 'r2'].map((orderId, i) => order(orderId, { couponCode: coupon, customer: { email: `racer${i}@example.com` } })),
    );
    const used = answers.filter((answer) => answer.statusCode === 201 && answer.json().attributedVia === 'coupon');
    expect(used).toHaveLength(1);
    for (const answer of answers.filter((a) => !used.includes(a))) {
      // Either it lost inside the transaction (nothing written) or it saw the coupon used already.
      if (answer.statusCode === 409) expect(answer.json().error.code).toBe('coupon_already_used');
      else expect(answer.json()).toMatchObject({ attributed: false });
    }
    expect(t.count('friend_coupons', 'conversion_id IS NOT NULL')).toBe(1);
  });

  it('refuses, in the store, a second order using the same single-use coupon, writing nothing', async () => {
    await setOffer({ coupon: 'single_use' });
    const coupon = (await session('friend-1')).json().offer.couponCode;
    const conversion = (orderId: string) => ({
      programId: 'demo', orderId, amount: 1_000, currency: 'EUR', customerEmail: null, customerEmailNormalised: null,
      customerId: null, visitorId: null, couponCode: coupon, attributed: false, attributedVia: null, ambassadorId: null,
      clickId: null, reason: 'no_referral' as const, friendDiscountPercent: null, friendDiscountAmount: null, rulesVersion: 1,
      friendShare: null, ipHash: null, ipUaHash: null, createdAt: t.clock.now, reward: null, bonuses: [], friendCouponCode: coupon,
    });
    expect((await t.store.recordConversion(conversion('s1'))).created).toBe(true);
    await expect(t.store.recordConversion(conversion('s2'))).rejects.toThrow(FriendCouponTakenError);
    expect(t.count('conversions', "order_id = 's2'")).toBe(0);
  });

  it('keeps single-use coupons to their program', async () => {
    await setOffer({ coupon: 'single_use' });
    const coupon = (await session('friend-1')).json().offer.couponCode;
    const elsewhere = await t.api('GET', `/v1/coupons/${coupon}`, undefined, OTHER.secretKey);
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().error.code).toBe('coupon_not_found');
  });

  it('records a flat discount on the conversion', async () => {
    await setOffer({ discount: { type: 'flat', amounts: { EUR: 500 } } });
    const bought = (await order('o1', { couponCode: code, customer: { email: 'bob@example.com' }, discountAmount: 500 })).json();
    expect(bought.friendDiscount).toEqual({ amount: 500 });
  });
});
