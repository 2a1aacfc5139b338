import { describe, expect, it } from 'vitest';
import { DEFAULT_REWARD_RULES, rewardSkipReason, type RewardRules } from '../../src/reward-rules/index.ts';

const rules: RewardRules = { ...DEFAULT_REWARD_RULES, excludedCategories: ['gift-cards'] };
const giftCard = [{ sku: 'gc', category: 'gift-cards', amount: 5000, quantity: 1 }];
const mug = [{ sku: 'mug', category: 'kitchen', amount: 5000, quantity: 1 }];

describe('rewardSkipReason', () => {
  it.each([
    { name: 'a reward', outcome: { amount: 450, skipped: null, zeroedBy: null }, items: undefined, expected: null },
    { name: 'the rules say why', outcome: { amount: 0, skipped: 'below_minimum_order', zeroedBy: null }, items: undefined, expected: 'below_minimum_order' },
    { name: 'every item excluded', outcome: { amount: 0, skipped: null, zeroedBy: null }, items: giftCard, expected: 'excluded_items' },
    { name: 'monthly cap used up', outcome: { amount: 0, skipped: null, zeroedBy: 'per_ambassador_monthly' }, items: mug, expected: 'cap_reached' },
    { name: 'cap per referral of 0', outcome: { amount: 0, skipped: null, zeroedBy: 'per_referral' }, items: undefined, expected: 'cap_reached' },
    { name: 'budget spent', outcome: { amount: 0, skipped: null, zeroedBy: 'program_budget' }, items: undefined, expected: 'budget_exhausted' },
    { name: 'a 0% rate', outcome: { amount: 0, skipped: null, zeroedBy: null }, items: mug, expected: null },
  ] as const)('$name', ({ outcome, items, expected }) => {
    expect(rewardSkipReason(outcome, rules, items)).toBe(expected);
  });
});
