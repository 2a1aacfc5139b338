import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, OTHER, type TestApp } from '../helpers/test-app.ts';

describe('server-to-server authentication', () => {
  let t: TestApp;
  let code: string;
  beforeEach(async () => {
    t = await createTestApp();
    code = await t.ambassador('alice@example.com');
    await t.api('POST', '/v1/conversions', { orderId: 'order-1', amount: 1_000, currency: 'EUR', couponCode: code });
  });
  afterEach(async () => {
    await t.close();
  });

  const routes = (): Array<{ method: 'GET' | 'POST'; url: string; payload?: Record<string, unknown> }> => [
    { method: 'POST' as const, url: '/v1/ambassadors', payload: { email: 'new@example.com' } },
    { method: 'GET' as const, url: `/v1/ambassadors/${code}` },
    { method: 'GET' as const, url: `/v1/coupons/${code}` },
    { method: 'POST' as const, url: '/v1/conversions', payload: { orderId: 'order-2', amount: 5, currency: 'EUR' } },
    { method: 'POST' as const, url: '/v1/conversions/order-1/refunds', payload: {} },
  ];

  it('answers 401 without a key, with a wrong key, or with another scheme, and writes nothing', async () => {
    const headerSets: Array<Record<string, string>> = [
      {},
      { authorization: '' },
      { authorization: 'Bearer' },
      { authorization: 'Bearer sk_wrong' },
      { authorization: 'Bearer sk_test_demo_key_but_longer' },
      { authorization: 'Basic c2tfdGVzdF9kZW1vX2tleTo=' },
      { authorization: `Bearer ${'x'.repeat(300)}` },
    ];
    for (const route of routes()) {
      for (const headers of headerSets) {
        const response = await t.inject({ ...route, headers });
        expect(response.statusCode, `${route.url} ${JSON.stringify(headers)}`).toBe(401);
        expect(response.json().error.code).toBe('unauthorized');
        expect(response.body).not.toContain('alice');
      }
    }
    expect(t.count('ambassadors')).toBe(1);
    expect(t.count('conversions')).toBe(1);
    expect(t.count('refunds')).toBe(0);
  });

  it("gives another program's key nothing of this program", async () => {
    const asOther = (route: ReturnType<typeof routes>[number]) =>
      t.inject({ ...route, headers: { authorization: `Bearer ${OTHER.secretKey}` } });
    const [, getAmbassador, getCoupon, , refund] = routes();
    for (const route of [getAmbassador!, getCoupon!, refund!]) {
      const response = await asOther(route);
      expect(response.statusCode, route.url).toBe(404);
      expect(response.body).not.toContain('alice');
    }
    // The same order id in the other program is a different order, not a conflict or a repeat.
    const conversion = await asOther({ method: 'POST', url: '/v1/conversions', payload: { orderId: 'order-1', amount: 7, currency: 'USD', couponCode: code } });
    expect(conversion.statusCode).toBe(201);
    expect(conversion.json()).toMatchObject({ attributed: false, reason: 'unknown_referral' });
    expect(t.count('refunds')).toBe(0);
    expect(t.count('rewards')).toBe(1);
  });

  it('accepts the key with any case of "Bearer"', async () => {
    const response = await t.inject({ method: 'GET', url: `/v1/ambassadors/${code}`, headers: { authorization: 'bearer sk_test_demo_key' } });
    expect(response.statusCode).toBe(200);
  });
});
