import { signIdentity } from '../../../shared/src/identity-signature.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DAY, DEMO, OTHER, type TestApp } from '../helpers/test-app.ts';

describe('POST /v1/conversions', () => {
  let t: TestApp;
  let code: string;
  beforeEach(async () => {
    t = await createTestApp();
    code = await t.ambassador('alice.smith@gmail.com', { customerId: 'cus_alice' });
  });
  afterEach(async () => {
    await t.close();
  });

  const friendClick = async (visitorId = 'friend-browser') =>
    (await t.widget('clicks', { programId: 'demo', code, visitorId })).json().clickId as string;
  const convert = (body: Record<string, unknown>, secretKey?: string) =>
    t.api('POST', '/v1/conversions', { orderId: 'order-1', amount: 12_345, currency: 'EUR', ...body }, secretKey);

  it('attributes an order to the click and creates a pending 10% reward', async () => {
    const clickId = await friendClick();
    t.clock.advance(2 * DAY);
    const response = await convert({
      customer: { email: 'friend@example.com' },
      referral: { code, clickId, visitorId: 'friend-browser' },
      discountAmount: 1_372,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      orderId: 'order-1',
      amount: 12_345,
      currency: 'EUR',
      refundedAmount: 0,
      status: 'paid',
      orderStatus: 'paid',
      attributed: true,
      attributedVia: 'click',
      ambassadorCode: code,
      friendDiscount: { percent: 10, amount: 1_372 },
      // 10% of 123.45 is 12.345, rounded half up to 12.35; approved after the 14-day hold.
      reward: { id: 1, amount: 1_235, currency: 'EUR', status: 'pending', reasons: [], holdUntil: t.clock.now + 14 * DAY },
      rulesVersion: 1,
      createdAt: t.clock.now,
    });
    expect(t.count('conversions', `attributed = 1 AND click_id = '${clickId}'`)).toBe(1);
    expect(t.count('rewards', "amount = 1235 AND original_amount = 1235 AND status = 'pending' AND kind = 'store_credit'")).toBe(1);
    const stats = (await t.api('GET', `/v1/ambassadors/${code}`)).json();
    expect(stats).toMatchObject({ clicks: 1, conversions: 1, rewards: [{ orderId: 'order-1', amount: 1_235, currency: 'EUR', status: 'pending' }] });
  });

  it('uses the program settings (5% reward, 15% off in the other program) and records 0 when no discount is sent', async () => {
    const otherCode = await t.ambassador('bob@other.example', {}, OTHER.secretKey);
    const body = (await convert({ couponCode: otherCode, amount: 10_000 }, OTHER.secretKey)).json();
    expect(body.reward).toMatchObject({ amount: 500, currency: 'EUR', status: 'pending' });
    expect(body.friendDiscount).toEqual({ percent: 15, amount: 0 });
  });

  it("attributes by code through the visitor's latest click", async () => {
    const clickId = await friendClick('friend-2');
    const body = (await convert({ referral: { code: code.toLowerCase(), visitorId: 'friend-2' } })).json();
    expect(body).toMatchObject({ attributed: true, ambassadorCode: code });
    expect(t.count('conversions', `click_id = '${clickId}'`)).toBe(1);
  });

  it('attributes by coupon code alone, without any cookie', async () => {
    const body = (await convert({ couponCode: code.toLowerCase(), customer: { email: 'friend@example.com' } })).json();
    expect(body).toMatchObject({ attributed: true, ambassadorCode: code, reward: { amount: 1_235 } });
  });

  it('explains why an order is not attributed: no referral, unknown referral', async () => {
    expect((await convert({ orderId: 'o-none' })).json()).toMatchObject({ attributed: false, reason: 'no_referral' });
    const unknown = (await convert({ orderId: 'o-unknown', referral: { code: 'NOSUCHCODE' }, couponCode: 'NOPE1234' })).json();
    expect(unknown).toMatchObject({ attributed: false, reason: 'unknown_referral' });
    expect(unknown.reward).toBeUndefined();
    expect(unknown.ambassadorCode).toBeUndefined();
    expect(t.count('rewards')).toBe(0);
  });

  it("does not attribute a click id of another program's ambassador", async () => {
    const otherCode = await t.ambassador('bob@other.example', {}, OTHER.secretKey);
    const otherClick = (await t.widget('clicks', { programId: 'other', code: otherCode, visitorId: 'v' }, { origin: OTHER.origin })).json();
    const body = (await convert({ referral: { clickId: otherClick.clickId } })).json();
    expect(body).toMatchObject({ attributed: false, reason: 'unknown_referral' });
  });

  it('does not attribute outside the 30-day window, but does inside it', async () => {
    const clickId = await friendClick();
    t.clock.advance(29 * DAY);
    expect((await convert({ orderId: 'in-window', referral: { code, clickId } })).json().attributed).toBe(true);
    t.clock.advance(2 * DAY);
    const late = (await convert({ orderId: 'too-late', referral: { code, clickId, visitorId: 'friend-browser' } })).json();
    expect(late).toMatchObject({ attributed: false, reason: 'outside_attribution_window' });
    expect(late.reward).toBeUndefined();
    expect(t.count('rewards')).toBe(1);
  });

  it('refuses self-referral by email, Gmail-style normalised', async () => {
    const body = (await convert({ couponCode: code, customer: { email: 'Alice.Smith+deals@googlemail.com' } })).json();
    // The reward is recorded as rejected, so that Alice can see why there is nothing for it.
    expect(body).toMatchObject({
      attributed: false,
      reason: 'self_referral',
      ambassadorCode: code,
      reward: { amount: 0, status: 'rejected', reasons: ['self_referral_email'] },
    });
    expect(t.count('rewards', "status <> 'rejected'")).toBe(0);
  });

  it('refuses self-referral by customer id', async () => {
    const body = (await convert({ couponCode: code, customer: { email: 'other@example.com', id: 'cus_alice' } })).json();
    expect(body).toMatchObject({ attributed: false, reason: 'self_referral', reward: { reasons: ['self_referral_customer_id'] } });
  });

  it("refuses self-referral by the ambassador's browser", async () => {
    const timestamp = t.clock.now;
    const signature = signIdentity(DEMO.secretKey, { programId: 'demo', email: 'alice.smith@gmail.com', timestamp });
    await t.widget('session', {
      programId: 'demo',
      visitorId: 'alice-phone',
      identity: { email: 'alice.smith@gmail.com', timestamp, signature },
    });
    // A click from her own browser, then an order under a second email from that browser.
    const clickId = await friendClick('alice-phone');
    const viaClick = (await convert({ orderId: 'o-click', referral: { clickId }, customer: { email: 'alias@example.com' } })).json();
    expect(viaClick).toMatchObject({ attributed: false, reason: 'self_referral' });
    expect(viaClick.reward.reasons).toContain('self_referral_visitor');
    const viaVisitor = (await convert({ orderId: 'o-visitor', couponCode: code, referral: { visitorId: 'alice-phone' } })).json();
    expect(viaVisitor).toMatchObject({ attributed: false, reason: 'self_referral' });
    expect(t.count('rewards', "status <> 'rejected'")).toBe(0);
  });

  it('returns the identical body for a repeat and changes nothing', async () => {
    const first = await convert({ couponCode: code });
    t.clock.advance(DAY);
    const repeat = await convert({ couponCode: code });
    expect(first.statusCode).toBe(201);
    expect(repeat.statusCode).toBe(200);
    expect(repeat.body).toBe(first.body);
    expect(t.count('conversions')).toBe(1);
    expect(t.count('rewards')).toBe(1);
  });

  it('answers 409 when the order id comes back with another amount or currency', async () => {
    await convert({ couponCode: code });
    for (const changed of [{ amount: 99 }, { currency: 'USD' }]) {
      const response = await convert({ couponCode: code, ...changed });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('order_id_conflict');
    }
    expect(t.count('conversions')).toBe(1);
  });

  it('records concurrent duplicates once', async () => {
    const responses = await Promise.all(Array.from({ length: 10 }, () => convert({ couponCode: code })));
    expect(responses.filter((response) => response.statusCode === 201)).toHaveLength(1);
    expect(new Set(responses.map((response) => response.body)).size).toBe(1);
    expect(t.count('conversions')).toBe(1);
    expect(t.count('rewards')).toBe(1);
  });

  it('keeps order ids apart per program', async () => {
    const otherCode = await t.ambassador('bob@other.example', {}, OTHER.secretKey);
    expect((await convert({ couponCode: code })).statusCode).toBe(201);
    expect((await convert({ couponCode: otherCode, amount: 1 }, OTHER.secretKey)).statusCode).toBe(201);
    expect(t.count('conversions')).toBe(2);
  });
});
