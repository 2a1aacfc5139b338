import { describe, expect, it } from 'vitest';
import { DEFAULT_REWARD_RULES, friendOfferExpiry, friendOfferTerms, type FriendOfferRules } from '../../src/reward-rules/index.ts';

const offer = (changes: Partial<FriendOfferRules>): FriendOfferRules => ({ ...DEFAULT_REWARD_RULES.friendOffer, ...changes });

describe('friendOfferTerms', () => {
  it.each([
    { name: 'percent', rules: offer({}), currency: undefined, expected: { discount: { type: 'percent', percent: 10 } } },
    {
      name: 'flat in the first listed currency',
      rules: offer({ discount: { type: 'flat', amounts: { EUR: 500, USD: 600 } } }),
      currency: undefined,
      expected: { discount: { type: 'flat', amount: 500, currency: 'EUR' } },
    },
    {
      name: 'flat in the asked currency',
      rules: offer({ discount: { type: 'flat', amounts: { EUR: 500, USD: 600 } } }),
      currency: 'USD',
      expected: { discount: { type: 'flat', amount: 600, currency: 'USD' } },
    },
    {
      name: 'the minimum in the discount currency',
      rules: offer({ discount: { type: 'flat', amounts: { EUR: 500 } }, minimumOrder: { USD: 1000, EUR: 3000 } }),
      currency: undefined,
      expected: { discount: { type: 'flat', amount: 500, currency: 'EUR' }, minimumOrder: { amount: 3000, currency: 'EUR' } },
    },
    {
      name: 'a percent offer with a minimum',
      rules: offer({ minimumOrder: { PLN: 10000 } }),
      currency: undefined,
      expected: { discount: { type: 'percent', percent: 10 }, minimumOrder: { amount: 10000, currency: 'PLN' } },
    },
    {
      name: 'a flat offer without amounts reads as 0%',
      rules: offer({ discount: { type: 'flat', amounts: {} } }),
      currency: undefined,
      expected: { discount: { type: 'percent', percent: 0 } },
    },
  ] as const)('$name', ({ rules, currency, expected }) => {
    expect(friendOfferTerms(rules, currency)).toEqual(expected);
  });
});

describe('friendOfferExpiry', () => {
  it('is days after the referral, or none', () => {
    expect(friendOfferExpiry({ expiresAfterDays: 2 }, 1000)).toBe(1000 + 2 * 86_400_000);
    expect(friendOfferExpiry({ expiresAfterDays: null }, 1000)).toBeNull();
  });
});
