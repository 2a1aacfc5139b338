import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ledgerViolations } from '../helpers/ledger-invariants.ts';
import { createTestApp, DAY, OTHER, type TestApp } from '../helpers/test-app.ts';

describe('owner reward API', () => {
  let t: TestApp;
  let code: string;
  const order = (orderId: string, email: string) =>
    t.api('POST', '/v1/conversions', { orderId, amount: 10_000, currency: 'EUR', couponCode: code, customer: { email } });

  beforeEach(async () => {
    t = await createTestApp();
    code = await t.ambassador('alice@example.com');
  });
  afterEach(async () => {
    expect(ledgerViolations(t.dbPath)).toEqual([]);
    await t.close();
  });

  it('lists held rewards with their reasons, and approves one with a note that lands in the ledger', async () => {
    const held = (await order('o-held', 'x@mailinator.com')).json().reward;
    await order('o-fine', 'friend@example.com');
    const list = await t.api('GET', '/v1/rewards?status=held');
    expect(list.statusCode).toBe(200);
    expect(list.json().rewards).toEqual([
      {
        id: held.id,
        ambassadorCode: code,
        orderId: 'o-held',
        kind: 'store_credit',
        purpose: 'conversion',
        amount: 1_000,
        originalAmount: 1_000,
        currency: 'EUR',
        status: 'held',
        reasons: ['disposable_email'],
        holdUntil: t.clock.now + 14 * DAY,
        createdAt: t.clock.now,
      },
    ]);
    expect((await t.api('GET', '/v1/rewards')).json().rewards).toHaveLength(2);

    const approved = await t.api('POST', `/v1/rewards/${held.id}/approve`, { note: 'phoned the customer' });
    expect(approved.json()).toMatchObject({ id: held.id, status: 'pending' });
    const ledger = (await t.api('GET', `/v1/ambassadors/${code}/ledger`)).json();
    expect(ledger.balances).toEqual([{ currency: 'EUR', held: 0, pending: 2_000, approved: 0, paid: 0 }]);
    expect(ledger.entries.at(-1)).toMatchObject({
      rewardId: held.id,
      orderId: 'o-held',
      from: 'held',
      to: 'pending',
      reason: 'owner_approved',
      actor: 'owner',
      note: 'phoned the customer',
    });
  });

  it('approves due rewards once through the endpoint', async () => {
    await order('o1', 'friend@example.com');
    t.clock.advance(14 * DAY);
    expect((await t.api('POST', '/v1/rewards/approve-due')).json()).toEqual({ approved: 1 });
    expect((await t.api('POST', '/v1/rewards/approve-due')).json()).toEqual({ approved: 0 });
    expect(t.count('ledger_entries', "to_bucket = 'approved'")).toBe(1);
  });

  it('answers with clear errors: conflicts, unknown ids, bad input, no key', async () => {
    const reward = (await order('o1', 'friend@example.com')).json().reward;
    const conflict = await t.api('POST', `/v1/rewards/${reward.id}/paid`);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.code).toBe('reward_status_conflict');
    for (const path of ['/v1/rewards/999/approve', `/v1/rewards/${reward.id}/reject`]) {
      const secretKey = path.includes('999') ? undefined : OTHER.secretKey;
      const response = await t.api('POST', path, {}, secretKey);
      expect(response.statusCode, path).toBe(404);
      expect(response.json().error.code).toBe('reward_not_found');
    }
    for (const [path, body] of [
      ['/v1/rewards/abc/approve', {}],
      ['/v1/rewards/0/approve', {}],
      [`/v1/rewards/${reward.id}/approve`, { note: 'x'.repeat(1_001) }],
      [`/v1/rewards/${reward.id}/approve`, { note: 'ok', extra: true }],
    ] as const) {
      const response = await t.api('POST', path, body);
      expect(response.statusCode, path).toBe(400);
      expect(response.json().error.code).toBe('invalid_request');
    }
    expect((await t.api('GET', '/v1/rewards?status=lost')).statusCode).toBe(400);
    expect((await t.api('GET', `/v1/ambassadors/${code}/ledger`, undefined, OTHER.secretKey)).statusCode).toBe(404);
    for (const [method, url] of [['GET', '/v1/rewards'], ['POST', '/v1/rewards/approve-due'], ['GET', `/v1/ambassadors/${code}/ledger`]] as const) {
      const response = await t.inject({ method, url });
      expect(response.statusCode, url).toBe(401);
    }
    expect(t.count('rewards', "status = 'pending'")).toBe(1);
  });

  it('refuses an order status that goes back, and unknown orders', async () => {
    await order('o1', 'friend@example.com');
    expect((await t.api('POST', '/v1/conversions/o1/status', { status: 'fulfilled' })).json()).toMatchObject({ orderStatus: 'fulfilled' });
    const back = await t.api('POST', '/v1/conversions/o1/status', { status: 'paid' });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.code).toBe('invalid_order_status');
    expect((await t.api('POST', '/v1/conversions/nope/status', { status: 'paid' })).statusCode).toBe(404);
    expect((await t.api('POST', '/v1/conversions/o1/status', { status: 'shipped' })).statusCode).toBe(400);
  });
});

describe('approval scheduler', () => {
  it('approves rewards whose hold has passed without anybody calling', async () => {
    const t = await createTestApp({ approvalIntervalMs: 20 });
    try {
      const code = await t.ambassador('alice@example.com');
      await t.api('POST', '/v1/conversions', { orderId: 'o1', amount: 10_000, currency: 'EUR', couponCode: code });
      t.clock.advance(14 * DAY);
      await vi.waitFor(() => expect(t.count('rewards', "status = 'approved'")).toBe(1), { timeout: 5_000, interval: 25 });
      expect(t.count('ledger_entries', "actor = 'system' AND reason = 'hold_period_passed'")).toBe(1);
    } finally {
      await t.close();
    }
  });
});
