import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DAY, OTHER, type TestApp } from '../helpers/test-app.ts';

describe('GET /v1/payouts', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it("lists the program's batches newest first, with their status, and none of another program's", async () => {
    expect((await t.api('GET', '/v1/payouts')).json()).toEqual({ payouts: [] });
    const alice = await t.ambassador('alice@example.com');
    for (const [index, orderId] of ['o1', 'o2'].entries()) {
      await t.api('POST', '/v1/conversions', { orderId, amount: 10_000, currency: 'EUR', couponCode: alice, customer: { email: `f${index}@example.com` } });
      t.clock.advance(14 * DAY);
      await t.api('POST', '/v1/rewards/approve-due');
      const created = await t.api('POST', '/v1/payouts', { currency: 'EUR' });
      expect(created.statusCode).toBe(201);
      if (index === 0) await t.api('POST', `/v1/payouts/${created.json().id}/paid`);
    }
    const list = (await t.api('GET', '/v1/payouts')).json().payouts;
    expect(list.map((payout: { status: string; total: number }) => [payout.status, payout.total])).toEqual([
      ['open', 1_000],
      ['paid', 1_000],
    ]);
    expect(list[0].id).toBeGreaterThan(list[1].id);
    expect(list[0].items).toEqual([{ ambassadorCode: alice, amount: 1_000 }]);
    expect((await t.api('GET', '/v1/payouts', undefined, OTHER.secretKey)).json()).toEqual({ payouts: [] });
  });
});
