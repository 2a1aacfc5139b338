import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REWARD_RULES, type Limits, type RewardRules } from '../../../shared/src/reward-rules/rules.ts';
import { ledgerViolations } from '../helpers/ledger-invariants.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const NO_LIMITS: Limits = { perReferral: {}, perAmbassadorMonthly: {}, programBudget: {}, minimumOrder: {} };
const rules = (patch: Partial<RewardRules>): RewardRules => ({ ...structuredClone(DEFAULT_REWARD_RULES), ...patch });

describe('attributed conversions without a reward say why; limits hold under concurrency', () => {
  let t: TestApp;
  let alice: string;
  let orders = 0;
  beforeEach(async () => {
    t = await createTestApp();
    alice = await t.ambassador('alice@example.com');
  });
  afterEach(async () => {
    expect(ledgerViolations(t.dbPath)).toEqual([]);
    await t.close();
  });

  const use = async (patch: Partial<RewardRules>) => expect((await t.api('PUT', '/v1/program/rules', rules(patch))).statusCode).toBe(201);
  const order = (code: string, body: Record<string, unknown> = {}) => {
    orders += 1;
    return t.api('POST', '/v1/conversions', {
      orderId: `o${orders}`,
      amount: 4_000,
      currency: 'EUR',
      couponCode: code,
      customer: { email: `friend${orders}@example.com` },
      ...body,
    });
  };

  it.each([
    { name: 'below the minimum order', patch: { limits: { ...NO_LIMITS, minimumOrder: { EUR: 5_000 } } }, body: {}, skipped: 'below_minimum_order' },
    {
      name: 'only excluded items',
      patch: { excludedCategories: ['gift-cards'] },
      body: { items: [{ sku: 'gc-50', category: 'gift-cards', amount: 4_000, quantity: 1 }] },
      skipped: 'excluded_items',
    },
    { name: 'a cap per referral of 0', patch: { limits: { ...NO_LIMITS, perReferral: { EUR: 0 } } }, body: {}, skipped: 'cap_reached' },
    { name: 'friend-only rules', patch: { sides: 'friend' as const }, body: {}, skipped: 'friend_only' },
  ])('$name', async ({ patch, body, skipped }) => {
    await use(patch);
    const response = (await order(alice, body)).json();
    expect(response).toMatchObject({ attributed: true, rewardSkipped: skipped });
    expect(response.reward).toBeUndefined();
    // The repeat answers the same.
    expect((await t.api('POST', '/v1/conversions', { orderId: `o${orders}`, amount: 4_000, currency: 'EUR' })).json().rewardSkipped).toBe(skipped);
  });

  it('names the monthly cap and the budget once they are used up', async () => {
    await use({ limits: { ...NO_LIMITS, perAmbassadorMonthly: { EUR: 400 }, programBudget: { EUR: 700 } } });
    const bob = await t.ambassador('bob@example.com');
    expect((await order(alice)).json()).toMatchObject({ reward: { amount: 400 } });
    const capped = (await order(alice)).json();
    expect(capped).toMatchObject({ attributed: true, rewardSkipped: 'cap_reached' });
    expect((await order(bob)).json()).toMatchObject({ reward: { amount: 300 } });
    expect((await order(bob)).json()).toMatchObject({ attributed: true, rewardSkipped: 'budget_exhausted' });
  });

  it('two concurrent conversions cannot both pass a cap: the standing is read in the write transaction', async () => {
    await use({ limits: { ...NO_LIMITS, perAmbassadorMonthly: { EUR: 400 }, programBudget: { EUR: 1_000 } } });
    const answers = await Promise.all(Array.from({ length: 8 }, () => order(alice)));
    const bodies = answers.map((answer) => answer.json());
    expect(bodies.every((body) => body.attributed)).toBe(true);
    const rewarded = bodies.filter((body) => body.reward);
    expect(rewarded).toHaveLength(1);
    expect(rewarded[0].reward.amount).toBe(400);
    expect(bodies.filter((body) => body.rewardSkipped === 'cap_reached')).toHaveLength(7);
    expect(t.count('rewards')).toBe(1);

    // The program budget across ambassadors too.
    const others = await Promise.all(['b', 'c', 'd', 'e'].map((name) => t.ambassador(`${name}@example.com`)));
    const more = (await Promise.all(others.map((code) => order(code)))).map((answer) => answer.json());
    const total = more.reduce((sum, body) => sum + (body.reward?.amount ?? 0), 0);
    expect(total).toBe(600);
    expect(more.filter((body) => body.rewardSkipped === 'budget_exhausted').length).toBeGreaterThanOrEqual(2);
  });
});
