import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REWARD_RULES, type RewardRules } from '../../../shared/src/reward-rules/rules.ts';
import { ledgerViolations } from '../helpers/ledger-invariants.ts';
import { createTestApp, OTHER, type TestApp } from '../helpers/test-app.ts';

const rules = (patch: Partial<RewardRules> = {}): RewardRules => ({ ...structuredClone(DEFAULT_REWARD_RULES), ...patch });

describe('owner reward rules API', () => {
  let t: TestApp;
  let code: string;
  const order = (orderId: string, email: string, amount = 10_000) =>
    t.api('POST', '/v1/conversions', { orderId, amount, currency: 'EUR', couponCode: code, customer: { email } });

  beforeEach(async () => {
    t = await createTestApp();
    code = await t.ambassador('alice@example.com');
  });
  afterEach(async () => {
    expect(ledgerViolations(t.dbPath)).toEqual([]);
    await t.close();
  });

  it('shows the rules in force: version 1 built from the program settings', async () => {
    const response = await t.api('GET', '/v1/program');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ id: 'demo', rules: { version: 1, rules: { sides: 'both', referrer: { kind: 'store_credit', rate: { type: 'percent', basisPoints: 1_000 } } } } });
    expect(body.versions).toEqual([{ version: 1, createdAt: body.rules.createdAt }]);
  });

  it('makes a new version per change, and each conversion keeps the reward of its own version', async () => {
    const before = (await order('o1', 'friend1@example.com')).json();
    expect(before).toMatchObject({ rulesVersion: 1, reward: { amount: 1_000 } });

    const flat = rules({ referrer: { kind: 'cash', rate: { type: 'flat', amounts: { EUR: 700 } } } });
    const put = await t.api('PUT', '/v1/program/rules', flat);
    expect(put.statusCode).toBe(201);
    expect(put.json()).toMatchObject({ version: 2, rules: flat });
    // The same rules again change nothing.
    const again = await t.api('PUT', '/v1/program/rules', flat);
    expect(again.statusCode).toBe(200);
    expect(again.json().version).toBe(2);

    const after = (await order('o2', 'friend2@example.com')).json();
    expect(after).toMatchObject({ rulesVersion: 2, reward: { amount: 700 } });
    // The earlier order still answers with its own version's reward, and a refund scales that one.
    expect((await order('o1', 'friend1@example.com')).json()).toMatchObject({ rulesVersion: 1, reward: { amount: 1_000 } });
    const refund = await t.api('POST', '/v1/conversions/o1/refunds', { amount: 5_000 });
    expect(refund.json()).toMatchObject({ rulesVersion: 1, reward: { amount: 500 } });

    expect((await t.api('GET', '/v1/program/rules/1')).json()).toMatchObject({ version: 1, rules: { referrer: { rate: { basisPoints: 1_000 } } } });
    expect((await t.api('GET', '/v1/program')).json().versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect((await t.api('GET', '/v1/program/rules/9')).json().error.code).toBe('rules_version_not_found');
    expect(t.count('rewards', "kind = 'cash'")).toBe(1);
  });

  it('mirrors the rules in force into what shows the friend offer', async () => {
    await t.api('PUT', '/v1/program/rules', rules({ friendOffer: { ...DEFAULT_REWARD_RULES.friendOffer, discount: { type: 'percent', percent: 25 } } }));
    const coupon = await t.api('GET', `/v1/coupons/${code}?email=bob@example.com`);
    expect(coupon.json().discount).toEqual({ type: 'percent', percent: 25 });
  });

  it.each([
    ['an unknown field', { ...rules(), bonus: 1 }, 'body'],
    ['a missing field', (({ sides: _s, ...rest }) => rest)(rules()), "must have required property 'sides'"],
    ['a rate above 100%', rules({ referrer: { kind: 'store_credit', rate: { type: 'percent', basisPoints: 10_001 } } }), 'body/referrer/rate'],
    ['an unknown kind', { ...rules(), referrer: { kind: 'bitcoin', rate: { type: 'percent', basisPoints: 100 } } }, 'body/referrer/kind'],
    ['a fractional flat amount', rules({ referrer: { kind: 'cash', rate: { type: 'flat', amounts: { EUR: 1.5 } } } }), 'body/referrer/rate'],
    ['a currency in lower case', rules({ limits: { ...DEFAULT_REWARD_RULES.limits, perReferral: { eur: 100 } } }), 'body/limits/perReferral'],
    ['a negative threshold', rules({ threshold: -1 }), 'body/threshold'],
    ['a split share above 100', rules({ split: { enabled: true, choices: [0, 150] } }), 'body/split/choices/1'],
    ['a free gift without a sku', rules({ referrer: { kind: 'free_gift', rate: { type: 'percent', basisPoints: 0 } } }), 'body/referrer/giftSku'],
    ['raffle entries without a count', rules({ referrer: { kind: 'raffle_entries', rate: { type: 'percent', basisPoints: 0 } } }), 'body/referrer/entriesPerConversion'],
    ['an item rate naming nothing', rules({ itemRates: [{ basisPoints: 100 }] }), 'body/itemRates/0'],
    ['two tiers with one name', rules({ tiers: [{ name: 'vip', fromReferrals: null, bonusBasisPoints: 1 }, { name: 'vip', fromReferrals: 3, bonusBasisPoints: 2 }] }), 'body/tiers/1/name'],
    ['a milestone twice', rules({ milestones: [{ referrals: 3, amounts: {} }, { referrals: 3, amounts: {} }] }), 'body/milestones/1/referrals'],
  ])('refuses %s with 400 invalid_request naming the field, and keeps the version', async (_name, body, path) => {
    const response = await t.api('PUT', '/v1/program/rules', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_request');
    expect(response.json().error.message).toContain(path);
    expect((await t.api('GET', '/v1/program')).json().rules.version).toBe(1);
  });

  it('needs the secret key, and a key sees only its own program', async () => {
    expect((await t.inject({ method: 'GET', url: '/v1/program' })).statusCode).toBe(401);
    expect((await t.api('GET', '/v1/program', undefined, OTHER.secretKey)).json().id).toBe('other');
  });

  it('sets a VIP tier and a split choice that the rules offer, and refuses others', async () => {
    await t.api('PUT', '/v1/program/rules', rules({
      tiers: [{ name: 'vip', fromReferrals: null, bonusBasisPoints: 1_000 }],
      split: { enabled: true, choices: [0, 50, 100] },
    }));
    const set = await t.api('PUT', `/v1/ambassadors/${code}/reward-choices`, { tier: 'vip', friendSharePercent: 50 });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ code, tier: 'vip', friendSharePercent: 50 });
    // 20% (10% + the VIP bonus), half of it to the friend.
    expect((await order('o1', 'friend@example.com')).json()).toMatchObject({ reward: { amount: 1_000 }, friendShare: 1_000 });

    const bad = await t.api('PUT', `/v1/ambassadors/${code}/reward-choices`, { tier: 'gold' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('body/tier');
    expect((await t.api('PUT', `/v1/ambassadors/${code}/reward-choices`, { friendSharePercent: 30 })).json().error.message).toContain('body/friendSharePercent');
    expect((await t.api('PUT', `/v1/ambassadors/${code}/reward-choices`, {})).statusCode).toBe(400);
    expect((await t.api('PUT', '/v1/ambassadors/NOBODY2345/reward-choices', { tier: null })).statusCode).toBe(404);
    expect((await t.api('PUT', `/v1/ambassadors/${code}/reward-choices`, { tier: null })).json()).toEqual({ code, tier: null, friendSharePercent: 50 });
  });
});
