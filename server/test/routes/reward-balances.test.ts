import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerViolations } from '../helpers/ledger-invariants.ts';
import { createTestApp, DAY, OTHER, type TestApp } from '../helpers/test-app.ts';

/**
 * `GET /v1/rewards/balances` over a hand-built history in two currencies, whose sums are worked
 * out here by hand (rewards are 10% of the order in the demo program, 5% in the other one).
 */
describe('reward balances of the program', () => {
  let t: TestApp;
  let alice: string;
  let bob: string;
  let carol: string;
  let friend = 0;
  const order = async (orderId: string, code: string, amount: number, currency = 'EUR', email = `friend${friend++}@example.com`, key?: string) =>
    (await t.api('POST', '/v1/conversions', { orderId, amount, currency, couponCode: code, customer: { email } }, key)).json();
  const balances = async (query = '', key?: string) => {
    const response = await t.api('GET', `/v1/rewards/balances${query}`, undefined, key);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const counts = (values: Partial<Record<'held' | 'pending' | 'approved' | 'paid' | 'rejected' | 'voided', number>>) => ({
    held: 0,
    pending: 0,
    approved: 0,
    paid: 0,
    rejected: 0,
    voided: 0,
    ...values,
  });

  beforeEach(async () => {
    t = await createTestApp();
    alice = await t.ambassador('alice@example.com');
    bob = await t.ambassador('bob@example.com');
    carol = await t.ambassador('carol@example.com');

    // Day 0. EUR: Alice 1,000 and 2,000, Bob 800, all to be approved; Alice 500 held (a
    // throwaway address) and 300 rejected (her own purchase). USD: Carol 600 to be approved, 100 held.
    await order('a1', alice, 10_000);
    await order('a2', alice, 20_000);
    expect((await order('a3', alice, 5_000, 'EUR', 'someone@mailinator.com')).reward).toMatchObject({ amount: 500, status: 'held' });
    expect((await order('a4', alice, 3_000, 'EUR', 'alice@example.com')).reward).toMatchObject({ status: 'rejected' });
    const b1 = (await order('b1', bob, 8_000)).reward;
    await order('c1', carol, 6_000, 'USD');
    const c3 = (await order('c3', carol, 1_000, 'USD', 'other@mailinator.com')).reward;
    // Another program's reward never counts here.
    const theirs = await t.ambassador('olga@example.com', {}, OTHER.secretKey);
    expect((await order('x1', theirs, 10_000, 'EUR', 'x@example.com', OTHER.secretKey)).reward).toMatchObject({ amount: 500 });

    // Day 14: the four pass their hold period. Bob is paid his 800, then his order is refunded
    // in full: 800 clawed back, a debt that his later rewards repay.
    t.clock.advance(14 * DAY);
    expect((await t.api('POST', '/v1/rewards/approve-due')).json()).toEqual({ approved: 4 });
    expect((await t.api('POST', `/v1/rewards/${b1.id}/paid`)).json()).toMatchObject({ status: 'paid' });
    await t.api('POST', '/v1/conversions/b1/refunds', {});
    // Bob 400 pending; Carol 250 pending, of which a 1,000 refund voids 100; her held 100 rejected.
    await order('b2', bob, 4_000);
    await order('c2', carol, 2_500, 'USD');
    expect((await t.api('POST', '/v1/conversions/c2/refunds', { amount: 1_000 })).json().reward).toMatchObject({ amount: 150 });
    expect((await t.api('POST', `/v1/rewards/${c3.id}/reject`, {})).json()).toMatchObject({ status: 'rejected' });
  });
  afterEach(async () => {
    expect(ledgerViolations(t.dbPath)).toEqual([]);
    await t.close();
  });

  it('sums every reward of the program per currency, and counts them per status', async () => {
    expect(await balances()).toEqual({
      balances: [
        {
          currency: 'EUR',
          held: 500,
          pending: 400,
          // Alice's 3,000 minus Bob's debt of 800; what is owed is Alice's 3,000 alone.
          approved: 2_200,
          owed: 3_000,
          paid: 800,
          rejected: 300,
          counts: counts({ held: 1, pending: 1, approved: 2, paid: 1, rejected: 1 }),
        },
        {
          currency: 'USD',
          held: 0,
          pending: 150,
          approved: 600,
          owed: 600,
          paid: 0,
          rejected: 100,
          counts: counts({ pending: 1, approved: 1, rejected: 1 }),
        },
      ],
    });
    expect(await balances('', OTHER.secretKey)).toEqual({
      balances: [{ currency: 'EUR', held: 0, pending: 500, approved: 0, owed: 0, paid: 0, rejected: 0, counts: counts({ pending: 1 }) }],
    });
  });

  it("agrees with every ambassador's ledger", async () => {
    const program = (await balances()).balances;
    const sum = new Map<string, Record<string, number>>();
    for (const code of [alice, bob, carol]) {
      for (const balance of (await t.api('GET', `/v1/ambassadors/${code}/ledger`)).json().balances) {
        const row = sum.get(balance.currency) ?? { held: 0, pending: 0, approved: 0, paid: 0 };
        for (const bucket of ['held', 'pending', 'approved', 'paid']) row[bucket] = (row[bucket] ?? 0) + balance[bucket];
        sum.set(balance.currency, row);
      }
    }
    expect(program.map(({ currency, held, pending, approved, paid }: Record<string, unknown>) => ({ currency, held, pending, approved, paid }))).toEqual(
      [...sum].map(([currency, row]) => ({ currency, ...row })),
    );
  });

  it('owes what a payout batch pays, and counts it paid once the batch is', async () => {
    const eur = (await t.api('POST', '/v1/payouts', { currency: 'EUR' })).json();
    expect(eur).toMatchObject({ total: 3_000, items: [{ ambassadorCode: alice, amount: 3_000 }] });
    const usd = (await t.api('POST', '/v1/payouts', { currency: 'USD' })).json();
    expect(usd.total).toBe(600);
    // An open batch is not paid yet: still owed.
    expect((await balances()).balances.map(({ owed }: { owed: number }) => owed)).toEqual([3_000, 600]);

    await t.api('POST', `/v1/payouts/${eur.id}/paid`);
    expect((await balances()).balances[0]).toMatchObject({ currency: 'EUR', approved: -800, owed: 0, paid: 3_800, counts: { approved: 0, paid: 3 } });
  });

  it("narrows to one ambassador with ?ambassador=, and lists that ambassador's fraud flags", async () => {
    expect(await balances(`?ambassador=${alice.toLowerCase()}`)).toEqual({
      ambassadorCode: alice,
      balances: [
        { currency: 'EUR', held: 500, pending: 0, approved: 3_000, owed: 3_000, paid: 0, rejected: 300, counts: counts({ held: 1, approved: 2, rejected: 1 }) },
      ],
    });
    expect((await balances(`?ambassador=${bob}`)).balances).toEqual([
      { currency: 'EUR', held: 0, pending: 400, approved: -800, owed: 0, paid: 800, rejected: 0, counts: counts({ pending: 1, paid: 1 }) },
    ]);

    const flagged = (await t.api('GET', `/v1/rewards?ambassador=${alice}&flagged=true`)).json().rewards;
    expect(flagged.map((reward: { orderId: string; reasons: string[] }) => [reward.orderId, reward.reasons])).toEqual([
      ['a4', ['self_referral_email']],
      ['a3', ['disposable_email']],
    ]);
    expect((await t.api('GET', `/v1/rewards?ambassador=${carol}&flagged=true&status=rejected`)).json().rewards).toMatchObject([{ orderId: 'c3' }]);
    expect((await t.api('GET', `/v1/rewards?ambassador=${bob}`)).json().rewards.map((reward: { orderId: string }) => reward.orderId)).toEqual(['b2', 'b1']);
    expect((await t.api('GET', '/v1/rewards?flagged=true')).json().rewards).toHaveLength(3);
  });

  it('answers bad input, unknown ambassadors, other programs and a missing key with clear errors', async () => {
    for (const path of [`/v1/rewards/balances?ambassador=${alice}`, `/v1/rewards?ambassador=${alice}`]) {
      const response = await t.api('GET', path, undefined, OTHER.secretKey);
      expect(response.statusCode, path).toBe(404);
      expect(response.json().error.code).toBe('ambassador_not_found');
    }
    for (const query of ['?ambassador=no%20such', '?ambassador=', '?currency=EUR', `?ambassador=${alice}&ambassador=${bob}`]) {
      const response = await t.api('GET', `/v1/rewards/balances${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('invalid_request');
    }
    expect((await t.api('GET', '/v1/rewards?flagged=yes')).json().error.code).toBe('invalid_request');
    const anonymous = await t.inject({ method: 'GET', url: '/v1/rewards/balances' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthorized');
    const wrong = await t.api('GET', '/v1/rewards/balances', undefined, 'sk_wrong');
    expect(wrong.statusCode).toBe(401);
  });
});
