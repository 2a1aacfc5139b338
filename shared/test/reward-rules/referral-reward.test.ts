import { describe, expect, it } from 'vitest';
import { DEFAULT_REWARD_RULES, referralReward, type ReferralRewardInput, type RewardRules } from '../../src/reward-rules/index.ts';

/**
 * Table tests of the referrer's side: one row per rule and per combination the issue names.
 * Orders are 100.00 EUR unless a row says otherwise; `n` is the ambassador's successful referrals
 * including this one.
 */

type RulesPatch = Partial<Omit<RewardRules, 'limits' | 'referrer'>> & { limits?: Partial<RewardRules['limits']>; referrer?: Partial<RewardRules['referrer']> };

function rules(patch: RulesPatch = {}): RewardRules {
  return {
    ...DEFAULT_REWARD_RULES,
    ...patch,
    referrer: { ...DEFAULT_REWARD_RULES.referrer, ...patch.referrer },
    limits: { ...DEFAULT_REWARD_RULES.limits, ...patch.limits },
  };
}

const input = (patch: Partial<ReferralRewardInput> = {}): ReferralRewardInput => ({
  order: { amount: 10_000, currency: 'EUR' },
  successfulReferrals: 1,
  repeat: false,
  manualTier: null,
  friendSharePercent: null,
  earnedThisMonth: 0,
  earnedByProgram: 0,
  milestonesAwarded: [],
  ...patch,
});

const flat = (amounts: Record<string, number>) => ({ rate: { type: 'flat' as const, amounts } });
const TIERS = [
  { name: 'silver', fromReferrals: 5, bonusBasisPoints: 500 },
  { name: 'gold', fromReferrals: 10, bonusBasisPoints: 1_000 },
  { name: 'vip', fromReferrals: null, bonusBasisPoints: 2_000 },
];
const ITEMS = [
  { sku: 'mug', category: 'kitchen', amount: 3_000, quantity: 2 }, // 60.00 at 20%
  { sku: 'book', category: 'books', amount: 4_000, quantity: 1 }, // 40.00 at the base rate
];
const KITCHEN_20 = { itemRates: [{ category: 'kitchen', basisPoints: 2_000 }] };

const rows: Array<[string, RulesPatch, Partial<ReferralRewardInput>, Partial<ReturnType<typeof referralReward>>]> = [
  // sides and kinds
  ['default: 10% store credit', {}, {}, { amount: 1_000, unit: 'EUR', kind: 'store_credit', skipped: null }],
  ['referrer only: the referrer is still rewarded', { sides: 'referrer' }, {}, { amount: 1_000 }],
  ['friend only: no referrer reward', { sides: 'friend' }, {}, { amount: 0, skipped: 'friend_only' }],
  ['friend only reaches no milestone either', { sides: 'friend', milestones: [{ referrals: 1, amounts: { EUR: 500 } }] }, {}, { bonuses: [] }],
  ['flat 5.00 EUR per conversion', { referrer: flat({ EUR: 500 }) }, {}, { amount: 500 }],
  ['flat in the order currency, never converted', { referrer: flat({ EUR: 500, USD: 600 }) }, { order: { amount: 10_000, currency: 'USD' } }, { amount: 600, unit: 'USD' }],
  ['flat without an amount in this currency: nothing', { referrer: flat({ EUR: 500 }) }, { order: { amount: 10_000, currency: 'RUB' } }, { amount: 0, skipped: 'currency_not_configured' }],
  ['cash kind', { referrer: { kind: 'cash' } }, {}, { amount: 1_000, kind: 'cash', unit: 'EUR' }],
  ['coupon code kind', { referrer: { kind: 'coupon_code' } }, {}, { amount: 1_000, kind: 'coupon_code' }],
  ['points: one per minor unit of value', { referrer: { kind: 'points' } }, {}, { amount: 1_000, unit: 'points' }],
  ['raffle entries per conversion', { referrer: { kind: 'raffle_entries', entriesPerConversion: 3 } }, {}, { amount: 3, unit: 'entries' }],
  ['a free gift per conversion', { referrer: { kind: 'free_gift', giftSku: 'tote-bag' } }, {}, { amount: 1, unit: 'gifts' }],
  // rounding
  ['percentage rounds half up once', {}, { order: { amount: 4_995, currency: 'EUR' } }, { amount: 500 }],
  ['percentage rounds down below the half', {}, { order: { amount: 4_994, currency: 'EUR' } }, { amount: 499 }],
  // items
  ['per category rate', KITCHEN_20, { order: { amount: 10_000, currency: 'EUR', items: ITEMS } }, { amount: 1_600 }],
  ['a sku rate beats its category rate', { itemRates: [{ category: 'kitchen', basisPoints: 2_000 }, { sku: 'mug', basisPoints: 500 }] }, { order: { amount: 10_000, currency: 'EUR', items: ITEMS } }, { amount: 700 }],
  ['excluded category earns nothing', { excludedCategories: ['books'] }, { order: { amount: 10_000, currency: 'EUR', items: ITEMS } }, { amount: 600 }],
  ['excluded sku earns nothing', { excludedSkus: ['mug'] }, { order: { amount: 10_000, currency: 'EUR', items: ITEMS } }, { amount: 400 }],
  ['item shares are scaled onto what was paid (discounted order)', KITCHEN_20, { order: { amount: 9_000, currency: 'EUR', items: ITEMS } }, { amount: 1_440 }],
  ['every item excluded: 0', { excludedCategories: ['books', 'kitchen'] }, { order: { amount: 10_000, currency: 'EUR', items: ITEMS } }, { amount: 0, skipped: null }],
  // thresholds
  ['threshold: nothing before the Nth referral', { threshold: 5 }, { successfulReferrals: 4 }, { amount: 0, skipped: 'below_threshold' }],
  ['threshold: the Nth referral is rewarded', { threshold: 5 }, { successfulReferrals: 5 }, { amount: 1_000 }],
  // milestones
  ['milestone bonus at the 3rd referral', { milestones: [{ referrals: 3, amounts: { EUR: 2_000 } }] }, { successfulReferrals: 3 }, { amount: 1_000, bonuses: [{ milestone: 3, amount: 2_000 }] }],
  ['no bonus before the milestone', { milestones: [{ referrals: 3, amounts: { EUR: 2_000 } }] }, { successfulReferrals: 2 }, { bonuses: [] }],
  ['a milestone awarded once', { milestones: [{ referrals: 3, amounts: { EUR: 2_000 } }] }, { successfulReferrals: 4, milestonesAwarded: [3] }, { bonuses: [] }],
  ['a milestone whose bonus was voided (refunded order) is reached again', { milestones: [{ referrals: 3, amounts: { EUR: 2_000 } }] }, { successfulReferrals: 3, milestonesAwarded: [] }, { bonuses: [{ milestone: 3, amount: 2_000 }] }],
  ['milestones 3, 10, 25: the 10th gets the 10 bonus', { milestones: [3, 10, 25].map((referrals) => ({ referrals, amounts: { EUR: referrals * 100 } })) }, { successfulReferrals: 10, milestonesAwarded: [3] }, { bonuses: [{ milestone: 10, amount: 1_000 }] }],
  ['a repeat purchase reaches no milestone', { milestones: [{ referrals: 1, amounts: { EUR: 500 } }] }, { repeat: true }, { amount: 1_000, bonuses: [] }],
  ['a milestone bonus without this currency is skipped', { milestones: [{ referrals: 1, amounts: { USD: 500 } }] }, {}, { bonuses: [] }],
  ['a milestone reached before the threshold still pays its bonus', { threshold: 5, milestones: [{ referrals: 3, amounts: { EUR: 2_000 } }] }, { successfulReferrals: 3 }, { amount: 0, skipped: 'below_threshold', bonuses: [{ milestone: 3, amount: 2_000 }] }],
  // tiers
  ['no tier below its count', { tiers: TIERS }, { successfulReferrals: 4 }, { amount: 1_000, tier: null }],
  ['silver from 5 referrals: +5%', { tiers: TIERS }, { successfulReferrals: 5 }, { amount: 1_500, tier: 'silver' }],
  ['gold from 10: +10%', { tiers: TIERS }, { successfulReferrals: 12 }, { amount: 2_000, tier: 'gold' }],
  ['VIP by the owner\'s hand: +20%', { tiers: TIERS }, { manualTier: 'vip' }, { amount: 3_000, tier: 'vip' }],
  ['a manual tier wins over the earned one', { tiers: TIERS }, { successfulReferrals: 12, manualTier: 'silver' }, { amount: 1_500, tier: 'silver' }],
  ['a manual tier the rules no longer have: the earned one', { tiers: TIERS }, { successfulReferrals: 5, manualTier: 'platinum' }, { tier: 'silver' }],
  ['tiers do not change a flat reward', { tiers: TIERS, referrer: flat({ EUR: 500 }) }, { successfulReferrals: 12 }, { amount: 500 }],
  // limits
  ['cap per referral', { limits: { perReferral: { EUR: 700 } } }, {}, { amount: 700, limitedBy: ['per_referral'] }],
  ['cap per ambassador per month', { limits: { perAmbassadorMonthly: { EUR: 2_500 } } }, { earnedThisMonth: 2_000 }, { amount: 500, limitedBy: ['per_ambassador_monthly'] }],
  ['monthly cap used up: 0', { limits: { perAmbassadorMonthly: { EUR: 2_500 } } }, { earnedThisMonth: 2_500 }, { amount: 0, zeroedBy: 'per_ambassador_monthly' }],
  ['monthly cap cuts, then the budget takes the rest', { limits: { perAmbassadorMonthly: { EUR: 2_500 }, programBudget: { EUR: 500 } } }, { earnedThisMonth: 2_000, earnedByProgram: 500 }, { amount: 0, limitedBy: ['per_ambassador_monthly', 'program_budget'], zeroedBy: 'program_budget' }],
  ['a cut that leaves something names no zeroing limit', { limits: { programBudget: { EUR: 100_000 } } }, { earnedByProgram: 99_800 }, { amount: 200, zeroedBy: null }],
  ['program budget', { limits: { programBudget: { EUR: 100_000 } } }, { earnedByProgram: 99_800 }, { amount: 200, limitedBy: ['program_budget'] }],
  ['a cap in another currency does not apply', { limits: { perReferral: { USD: 100 } } }, {}, { amount: 1_000, limitedBy: [] }],
  ['minimum order', { limits: { minimumOrder: { EUR: 20_000 } } }, {}, { amount: 0, skipped: 'below_minimum_order' }],
  ['minimum order reached', { limits: { minimumOrder: { EUR: 10_000 } } }, {}, { amount: 1_000 }],
  // split
  ['split half and half', { split: { enabled: true, choices: [0, 50, 100] } }, { friendSharePercent: 50 }, { amount: 500, friendShare: 500 }],
  ['split all to my friend', { split: { enabled: true, choices: [0, 50, 100] } }, { friendSharePercent: 100 }, { amount: 0, friendShare: 1_000 }],
  ['split rounds the friend half up, the two add up', { split: { enabled: true, choices: [50] } }, { order: { amount: 10_010, currency: 'EUR' }, friendSharePercent: 50 }, { amount: 500, friendShare: 501 }],
  ['a split the program does not offer is ignored', { split: { enabled: true, choices: [0, 50] } }, { friendSharePercent: 30 }, { amount: 1_000, friendShare: 0 }],
  ['a disabled split is ignored', {}, { friendSharePercent: 50 }, { amount: 1_000, friendShare: 0 }],
  ['raffle entries are not split', { referrer: { kind: 'raffle_entries', entriesPerConversion: 2 }, split: { enabled: true, choices: [50] } }, { friendSharePercent: 50 }, { amount: 2, friendShare: 0 }],
  // combinations the issue names
  ['tier + category rate + cap', { ...KITCHEN_20, tiers: TIERS, limits: { perReferral: { EUR: 2_000 } } }, { successfulReferrals: 10, order: { amount: 10_000, currency: 'EUR', items: ITEMS } }, { amount: 2_000, tier: 'gold', limitedBy: ['per_referral'] }],
  ['tier + category rate under the cap', { ...KITCHEN_20, tiers: TIERS, limits: { perReferral: { EUR: 3_000 } } }, { successfulReferrals: 5, order: { amount: 10_000, currency: 'EUR', items: ITEMS } }, { amount: 2_100, tier: 'silver', limitedBy: [] }],
  ['tier bonus does not reach excluded items', { excludedCategories: ['books'], tiers: TIERS }, { successfulReferrals: 10, order: { amount: 10_000, currency: 'EUR', items: ITEMS } }, { amount: 1_200 }],
  ['split + two-sided: the split is on top of the friend offer', { sides: 'both', split: { enabled: true, choices: [50] } }, { friendSharePercent: 50 }, { amount: 500, friendShare: 500 }],
  ['split after the cap per referral', { split: { enabled: true, choices: [50] }, limits: { perReferral: { EUR: 600 } } }, { friendSharePercent: 50 }, { amount: 300, friendShare: 300 }],
  ['monthly cap after the split, on the referrer share only', { split: { enabled: true, choices: [50] }, limits: { perAmbassadorMonthly: { EUR: 200 } } }, { friendSharePercent: 50 }, { amount: 200, friendShare: 500 }],
  ['milestone bonus limited by what the monthly cap left', { milestones: [{ referrals: 3, amounts: { EUR: 2_000 } }], limits: { perAmbassadorMonthly: { EUR: 2_500 } } }, { successfulReferrals: 3 }, { amount: 1_000, bonuses: [{ milestone: 3, amount: 1_500 }] }],
  ['budget shared by the reward and its bonus', { milestones: [{ referrals: 3, amounts: { EUR: 2_000 } }], limits: { programBudget: { EUR: 1_500 } } }, { successfulReferrals: 3 }, { amount: 1_000, bonuses: [{ milestone: 3, amount: 500 }] }],
  ['points: caps and milestones in points', { referrer: { kind: 'points' }, milestones: [{ referrals: 1, amounts: { points: 250 } }], limits: { perReferral: { points: 800, EUR: 1 } } }, {}, { amount: 800, unit: 'points', bonuses: [{ milestone: 1, amount: 250 }] }],
  ['threshold + tier: the tier counts the same referrals', { threshold: 5, tiers: TIERS }, { successfulReferrals: 5 }, { amount: 1_500, tier: 'silver' }],
  ['minimum order in another currency does not apply', { limits: { minimumOrder: { USD: 50_000 } } }, {}, { amount: 1_000 }],
];

describe('referralReward', () => {
  it.each(rows)('%s', (_name, patch, facts, expected) => {
    expect(referralReward(rules(patch), input(facts))).toMatchObject(expected);
  });

  it('never yields a fraction or a negative amount', () => {
    for (let amount = 0; amount < 2_000; amount += 37) {
      const outcome = referralReward(rules({ ...KITCHEN_20, tiers: TIERS, split: { enabled: true, choices: [33] } }), input({
        order: { amount, currency: 'EUR', items: ITEMS },
        successfulReferrals: 7,
        friendSharePercent: 33,
      }));
      expect(Number.isInteger(outcome.amount) && outcome.amount >= 0).toBe(true);
      expect(Number.isInteger(outcome.friendShare) && outcome.friendShare >= 0).toBe(true);
    }
  });
});
