import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerViolations } from '../helpers/ledger-invariants.ts';
import { createTestApp, DAY, DEMO, OTHER, type TestApp } from '../helpers/test-app.ts';

describe('payouts', () => {
  let t: TestApp;
  let alice: string;
  let bob: string;
  let friend = 0;
  beforeEach(async () => {
    t = await createTestApp();
    alice = await t.ambassador('alice@example.com', { name: 'Alice, "the" best' });
    bob = await t.ambassador('bob@example.com');
  });
  afterEach(async () => {
    expect(ledgerViolations(t.dbPath)).toEqual([]);
    await t.close();
  });

  /** A referred order; its 10% reward is approved after the hold period. */
  const approvedOrder = async (orderId: string, code: string, amount: number) => {
    await t.api('POST', '/v1/conversions', { orderId, amount, currency: 'EUR', couponCode: code, customer: { email: `f${friend++}@example.com` } });
    t.clock.advance(14 * DAY);
    await t.api('POST', '/v1/rewards/approve-due');
  };
  const balances = async (code: string) => (await t.api('GET', `/v1/ambassadors/${code}/ledger`)).json().balances[0];
  const batch = (body: object) => t.api('POST', '/v1/payouts', body);

  it('pays what is owed above the minimum, exports it as CSV, and records the payment in the ledger once', async () => {
    await approvedOrder('a1', alice, 10_000);
    await approvedOrder('a2', alice, 10_000);
    await approvedOrder('b1', bob, 3_000);
    const created = await batch({ currency: 'EUR', minimumAmount: 500 });
    expect(created.statusCode).toBe(201);
    const payout = created.json();
    expect(payout).toMatchObject({ status: 'open', currency: 'EUR', minimumAmount: 500, total: 2_000, items: [{ ambassadorCode: alice, amount: 2_000 }] });

    const csv = await t.api('GET', `/v1/payouts/${payout.id}.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toBe(`ambassador_code,email,name,amount_minor,amount,currency\r\n${alice},alice@example.com,"Alice, ""the"" best",2000,20.00,EUR\r\n`);

    const paid = await t.api('POST', `/v1/payouts/${payout.id}/paid`);
    expect(paid.json()).toMatchObject({ status: 'paid', closedAt: t.clock.now });
    expect((await t.api('POST', `/v1/payouts/${payout.id}/paid`)).json()).toEqual(paid.json());
    expect(await balances(alice)).toMatchObject({ approved: 0, paid: 2_000 });
    expect(t.count('rewards', "status = 'paid'")).toBe(2);

    // Bob is still below 500; with no minimum his 3.00 is paid.
    expect((await batch({ currency: 'EUR', minimumAmount: 500 })).json().error.code).toBe('nothing_to_pay');
    expect((await batch({ currency: 'EUR' })).json()).toMatchObject({ total: 300, items: [{ ambassadorCode: bob, amount: 300 }] });
  });

  it('nets a clawback after payment against newer rewards', async () => {
    await approvedOrder('a1', alice, 10_000);
    const first = (await batch({ currency: 'EUR' })).json();
    await t.api('POST', `/v1/payouts/${first.id}/paid`);
    await t.api('POST', '/v1/conversions/a1/refunds', {});
    expect(await balances(alice)).toMatchObject({ approved: -1_000, paid: 1_000 });

    await approvedOrder('a2', alice, 15_000);
    const second = (await batch({ currency: 'EUR' })).json();
    expect(second.items).toEqual([{ ambassadorCode: alice, amount: 500 }]);
    await t.api('POST', `/v1/payouts/${second.id}/paid`);
    // 1,000 sent first, 500 now: 1,500 paid in all for what she kept (the 15.00 reward).
    expect(await balances(alice)).toMatchObject({ approved: 0, paid: 1_500 });
  });

  it('refuses to pay a batch whose rewards changed; a canceled batch frees them', async () => {
    await approvedOrder('a1', alice, 10_000);
    const payout = (await batch({ currency: 'EUR' })).json();
    expect((await batch({ currency: 'EUR' })).json().error.code).toBe('nothing_to_pay');
    await t.api('POST', '/v1/conversions/a1/refunds', { amount: 5_000 });
    const refused = await t.api('POST', `/v1/payouts/${payout.id}/paid`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('payout_conflict');
    expect(await balances(alice)).toMatchObject({ approved: 500, paid: 0 });

    expect((await t.api('DELETE', `/v1/payouts/${payout.id}`)).json()).toMatchObject({ status: 'canceled' });
    expect((await t.api('POST', `/v1/payouts/${payout.id}/paid`)).statusCode).toBe(409);
    expect((await batch({ currency: 'EUR' })).json()).toMatchObject({ total: 500 });
  });

  it('answers bad input and other programs with clear errors', async () => {
    await approvedOrder('a1', alice, 10_000);
    const payout = (await batch({ currency: 'EUR' })).json();
    for (const body of [{ currency: 'euro' }, { currency: 'EUR', minimumAmount: -1 }, { currency: 'EUR', extra: true }, {}]) {
      expect((await batch(body)).json().error.code).toBe('invalid_request');
    }
    expect((await t.api('GET', `/v1/payouts/${payout.id}`, undefined, OTHER.secretKey)).json().error.code).toBe('payout_not_found');
    expect((await t.api('POST', `/v1/payouts/${payout.id}/paid`, undefined, OTHER.secretKey)).statusCode).toBe(404);
    expect((await t.api('GET', '/v1/payouts/abc')).statusCode).toBe(400);
    expect((await t.inject({ method: 'GET', url: `/v1/payouts/${payout.id}.csv` })).statusCode).toBe(401);
    expect((await t.api('GET', `/v1/payouts/${payout.id}`, undefined, DEMO.secretKey)).json()).toMatchObject({ status: 'open' });
  });
});
