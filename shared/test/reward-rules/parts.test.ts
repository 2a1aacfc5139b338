import { describe, expect, it } from 'vitest';
import { milestonesReached, percentageReward, rateOfItem, splitReward, tierFor } from '../../src/reward-rules/index.ts';

describe('the parts of the reward maths', () => {
  const none = { itemRates: [], excludedSkus: [], excludedCategories: [] };

  it.each([
    [[0, 50, 100], 0, 999, { referrer: 999, friend: 0 }],
    [[0, 50, 100], 50, 999, { referrer: 499, friend: 500 }],
    [[0, 50, 100], 100, 999, { referrer: 0, friend: 999 }],
    [[25], 25, 1, { referrer: 1, friend: 0 }],
    [[25], 25, 2, { referrer: 1, friend: 1 }],
  ])('split %j choosing %i of %i', (choices, percent, amount, expected) => {
    expect(splitReward(amount, { enabled: true, choices }, percent)).toEqual(expected);
  });

  it('scales item lines onto the paid amount with one rounding', () => {
    const items = [{ sku: 'a', amount: 333, quantity: 3 }, { sku: 'b', amount: 1, quantity: 1 }];
    expect(percentageReward(1_000, items, none, 1_000, 0)).toBe(100);
    expect(percentageReward(1_000, [], none, 1_000, 0)).toBe(100);
    expect(percentageReward(1_000, [{ sku: 'a', amount: 0, quantity: 1 }], none, 1_000, 0)).toBe(100);
    expect(percentageReward(999_999_999_999, [{ sku: 'a', amount: 999_999_999_999, quantity: 1_000_000 }], none, 10_000, 0)).toBe(999_999_999_999);
  });

  it('finds an item rate by sku, then category, then the program rate', () => {
    const rules = { itemRates: [{ sku: 'x', basisPoints: 1 }, { category: 'c', basisPoints: 2 }], excludedSkus: ['y'], excludedCategories: [] };
    expect(rateOfItem({ sku: 'x', category: 'c', amount: 1, quantity: 1 }, rules, 3)).toBe(1);
    expect(rateOfItem({ sku: 'z', category: 'c', amount: 1, quantity: 1 }, rules, 3)).toBe(2);
    expect(rateOfItem({ sku: 'z', amount: 1, quantity: 1 }, rules, 3)).toBe(3);
    expect(rateOfItem({ sku: 'y', category: 'c', amount: 1, quantity: 1 }, rules, 3)).toBe(0);
  });

  it('picks the highest earned tier whatever their order', () => {
    const tiers = [{ name: 'gold', fromReferrals: 10, bonusBasisPoints: 2 }, { name: 'silver', fromReferrals: 5, bonusBasisPoints: 1 }];
    expect(tierFor(tiers, 11, null)?.name).toBe('gold');
    expect(tierFor(tiers, 9, null)?.name).toBe('silver');
    expect(tierFor(tiers, 0, null)).toBeNull();
  });

  it('lists every milestone reached and not yet awarded, smallest first', () => {
    const milestones = [25, 3, 10].map((referrals) => ({ referrals, amounts: {} }));
    expect(milestonesReached(milestones, 10, []).map((m) => m.referrals)).toEqual([3, 10]);
    expect(milestonesReached(milestones, 10, [3, 10])).toEqual([]);
  });
});
