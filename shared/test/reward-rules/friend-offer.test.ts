import { describe, expect, it } from 'vitest';
import { DEFAULT_REWARD_RULES, friendOffer, type FriendOfferRules, type RewardRules } from '../../src/reward-rules/index.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2025, 0, 15);

const rules = (offer: Partial<FriendOfferRules> = {}, sides: RewardRules['sides'] = 'both') => ({
  sides,
  friendOffer: { ...DEFAULT_REWARD_RULES.friendOffer, ...offer },
});

describe('friendOffer', () => {
  it.each([
    ['10% by default', rules(), 10_000, NOW, { eligible: true, discount: { type: 'percent', percent: 10, amount: 1_000 } }],
    ['friend only', rules({}, 'friend'), 10_000, NOW, { eligible: true }],
    ['referrer only: no offer', rules({}, 'referrer'), 10_000, NOW, { eligible: false, reason: 'referrer_only' }],
    ['flat 5.00 EUR', rules({ discount: { type: 'flat', amounts: { EUR: 500 } } }), 10_000, NOW, { eligible: true, discount: { type: 'flat', amount: 500 } }],
    ['flat never above the order', rules({ discount: { type: 'flat', amounts: { EUR: 500 } } }), 300, NOW, { eligible: true, discount: { type: 'flat', amount: 300 } }],
    ['flat without this currency', rules({ discount: { type: 'flat', amounts: { USD: 500 } } }), 10_000, NOW, { eligible: false, reason: 'currency_not_configured' }],
    ['below the minimum order', rules({ minimumOrder: { EUR: 20_000 } }), 10_000, NOW, { eligible: false, reason: 'below_minimum_order' }],
    ['at the minimum order', rules({ minimumOrder: { EUR: 10_000 } }), 10_000, NOW, { eligible: true }],
    ['expired 8 days after the referral', rules({ expiresAfterDays: 7 }), 10_000, NOW - 8 * DAY, { eligible: false, reason: 'expired' }],
    ['still valid on the 7th day', rules({ expiresAfterDays: 7 }), 10_000, NOW - 7 * DAY, { eligible: true }],
    ['percent rounds half up', rules({ discount: { type: 'percent', percent: 15 } }), 4_990, NOW, { eligible: true, discount: { type: 'percent', percent: 15, amount: 749 } }],
  ] as const)('%s', (_name, offerRules, amount, referredAt, expected) => {
    expect(friendOffer(offerRules, { amount, currency: 'EUR' }, referredAt, NOW)).toMatchObject(expected);
  });

  it('models both coupon styles', () => {
    expect(rules({ coupon: 'single_use' }).friendOffer.coupon).toBe('single_use');
    expect(DEFAULT_REWARD_RULES.friendOffer.coupon).toBe('shared');
  });
});
