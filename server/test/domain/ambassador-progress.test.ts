import { describe, expect, it } from 'vitest';
import { DEFAULT_REWARD_RULES, type RewardRules } from '../../../shared/src/reward-rules/rules.ts';
import { ambassadorProgress } from '../../src/domain/ambassador-progress.ts';

const rules: RewardRules = {
  ...structuredClone(DEFAULT_REWARD_RULES),
  milestones: [
    { referrals: 10, amounts: { EUR: 2_000 } },
    { referrals: 3, amounts: { EUR: 500, points: 100 } },
  ],
  tiers: [
    { name: 'Silver', fromReferrals: 3, bonusBasisPoints: 200 },
    { name: 'Gold', fromReferrals: 10, bonusBasisPoints: 500 },
    { name: 'VIP', fromReferrals: null, bonusBasisPoints: 1_000 },
  ],
};

describe('ambassadorProgress', () => {
  it('names the nearest milestone and tier ahead', () => {
    expect(ambassadorProgress(rules, 2, null)).toEqual({
      referrals: 2,
      nextMilestone: { referrals: 3, amounts: [{ amount: 500, currency: 'EUR' }, { amount: 100, currency: 'points' }] },
      nextTier: { name: 'Silver', fromReferrals: 3 },
    });
  });

  it('with a tier reached: the tier, and the next one', () => {
    expect(ambassadorProgress(rules, 3, null)).toEqual({
      referrals: 3,
      nextMilestone: { referrals: 10, amounts: [{ amount: 2_000, currency: 'EUR' }] },
      tier: 'Silver',
      nextTier: { name: 'Gold', fromReferrals: 10 },
    });
  });

  it('past everything: only the count and the tier', () => {
    expect(ambassadorProgress(rules, 12, null)).toEqual({ referrals: 12, tier: 'Gold' });
  });

  it("the owner's VIP tier wins, and no earnable tier is dangled below it", () => {
    expect(ambassadorProgress(rules, 1, 'VIP')).toMatchObject({ tier: 'VIP' });
    expect(ambassadorProgress(rules, 1, 'VIP').nextTier).toBeUndefined();
  });
});
