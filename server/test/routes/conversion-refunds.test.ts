import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, OTHER, type TestApp } from '../helpers/test-app.ts';

describe('POST /v1/conversions/{orderId}/refunds', () => {
  let t: TestApp;
  let code: string;
  beforeEach(async () => {
    t = await createTestApp();
    code = await t.ambassador('alice@example.com');
    await t.api('POST', '/v1/conversions', { orderId: 'order-1', amount: 10_000, currency: 'EUR', couponCode: code });
  });
  afterEach(async () => {
    await t.close();
  });

  const refund = (body?: Record<string, unknown>, orderId = 'order-1', secretKey?: string) =>
    t.api('POST', `/v1/conversions/${encodeURIComponent(orderId)}/refunds`, body, secretKey);

  it('reduces a pending reward in proportion to a partial refund', async () => {
    const first = await refund({ amount: 2_500 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      orderId: 'order-1',
      refundedAmount: 2_500,
      status: 'partially_refunded',
      attributed: true,
      reward: { amount: 750, currency: 'EUR', status: 'pending' },
    });
    const second = (await refund({ amount: 2_500 })).json();
    expect(second).toMatchObject({ refundedAmount: 5_000, reward: { amount: 500, status: 'pending' } });
    expect(t.count('refunds')).toBe(2);
    expect(t.count('refunds', 'amount = 2500 AND reward_amount_before = 750 AND reward_amount_after = 500')).toBe(1);
  });

  it('rounds the reward share half up, from the original reward', async () => {
    await t.api('POST', '/v1/conversions', { orderId: 'odd', amount: 12_345, currency: 'EUR', couponCode: code });
    // Reward 1235; a refund of 1000 takes back 1235 * 1000 / 12345 = 100.04 → 100.
    expect((await refund({ amount: 1_000 }, 'odd')).json().reward.amount).toBe(1_135);
    // Refunding 5000 more (6000 of 12345) takes back 600.24 → 600 of the original 1235.
    expect((await refund({ amount: 5_000 }, 'odd')).json().reward.amount).toBe(635);
  });

  it('voids the reward on a full refund (no body = everything that remains)', async () => {
    await refund({ amount: 1_000 });
    const full = await refund();
    expect(full.statusCode).toBe(200);
    expect(full.json()).toMatchObject({
      refundedAmount: 10_000,
      status: 'refunded',
      reward: { amount: 0, currency: 'EUR', status: 'voided' },
    });
    expect(t.count('refunds')).toBe(2);
    const ambassador = (await t.api('GET', `/v1/ambassadors/${code}`)).json();
    expect(ambassador.conversions).toBe(0);
    expect(ambassador.rewards).toEqual([{ orderId: 'order-1', amount: 0, currency: 'EUR', status: 'voided' }]);
  });

  it('refuses a refund larger than what remains, and changes nothing', async () => {
    await refund({ amount: 9_000 });
    for (const body of [{ amount: 1_001 }, { amount: 10_000_000 }]) {
      const response = await refund(body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('refund_exceeds_order');
    }
    await refund();
    const nothingLeft = await refund();
    expect(nothingLeft.statusCode).toBe(400);
    expect(nothingLeft.json().error.code).toBe('refund_exceeds_order');
    expect(t.count('refunds')).toBe(2);
  });

  it('refuses a zero, negative or fractional refund', async () => {
    for (const amount of [0, -5, 1.5, '100']) {
      const response = await refund({ amount });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('invalid_request');
    }
    expect(t.count('refunds')).toBe(0);
  });

  it('answers 404 for an unknown order and for an order of another program', async () => {
    const unknown = await refund({ amount: 1 }, 'no-such-order');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('conversion_not_found');
    const foreign = await refund({ amount: 1 }, 'order-1', OTHER.secretKey);
    expect(foreign.statusCode).toBe(404);
    expect(t.count('refunds')).toBe(0);
  });

  it('refunds an order that was not attributed, with no reward to touch', async () => {
    await t.api('POST', '/v1/conversions', { orderId: 'plain / #7', amount: 500, currency: 'USD' });
    const body = (await refund(undefined, 'plain / #7')).json();
    expect(body).toMatchObject({ orderId: 'plain / #7', status: 'refunded', attributed: false, reason: 'no_referral' });
    expect(body.reward).toBeUndefined();
  });
});
