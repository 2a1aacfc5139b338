import { describe, expect, it } from 'vitest';
import { attribute, type AttributionInput, type ReferralCandidate } from '../../src/domain/attribution.ts';

const DAY = 86_400_000;
const alice = { id: 1, emailNormalised: 'alice@gmail.com', customerId: 'cus_a' };
const bob = { id: 2, emailNormalised: 'bob@example.com', customerId: null };
type Ambassador = typeof alice | typeof bob;

const candidate = (overrides: Partial<ReferralCandidate<Ambassador>> = {}): ReferralCandidate<Ambassador> => ({
  via: 'click',
  ambassador: alice,
  clickedAt: 0,
  clickId: 'c1',
  clickVisitorId: 'friend',
  clickVisitorIsAmbassadors: false,
  clickWasSelf: false,
  ...overrides,
});
const input = (overrides: Partial<AttributionInput<Ambassador>> = {}): AttributionInput<Ambassador> => ({
  candidates: [candidate()],
  referralGiven: true,
  convertedAt: 3 * DAY,
  attributionWindowMs: 30 * DAY,
  customer: { emailNormalised: 'friend@example.com', id: 'cus_f', visitorIsAmbassadors: () => false },
  ...overrides,
});

describe('attribute', () => {
  it('attributes to the first candidate within the window', () => {
    const result = attribute(input());
    expect(result).toMatchObject({ attributed: true, candidate: { ambassador: alice } });
  });

  it('says no_referral or unknown_referral when there is no candidate', () => {
    expect(attribute(input({ candidates: [], referralGiven: false }))).toMatchObject({ attributed: false, reason: 'no_referral' });
    expect(attribute(input({ candidates: [] }))).toMatchObject({ attributed: false, reason: 'unknown_referral' });
  });

  it('applies the window from the click to the conversion, inclusive', () => {
    expect(attribute(input({ convertedAt: 30 * DAY })).attributed).toBe(true);
    expect(attribute(input({ convertedAt: 30 * DAY + 1 }))).toMatchObject({ attributed: false, reason: 'outside_attribution_window' });
  });

  it('lets a typed coupon win over an expired click', () => {
    const result = attribute(
      input({ convertedAt: 40 * DAY, candidates: [candidate(), candidate({ via: 'coupon', ambassador: bob, clickedAt: null, clickId: null })] }),
    );
    expect(result).toMatchObject({ attributed: true, candidate: { via: 'coupon', ambassador: bob } });
  });

  it('refuses self-referral by email, customer id, click browser or order browser', () => {
    const cases: Array<Partial<AttributionInput<Ambassador>>> = [
      { customer: { emailNormalised: 'alice@gmail.com', id: null, visitorIsAmbassadors: () => false } },
      { customer: { emailNormalised: null, id: 'cus_a', visitorIsAmbassadors: () => false } },
      { candidates: [candidate({ clickWasSelf: true })] },
      { candidates: [candidate({ clickVisitorIsAmbassadors: true })] },
      { customer: { emailNormalised: null, id: null, visitorIsAmbassadors: (a) => a.id === alice.id } },
    ];
    for (const overrides of cases) {
      expect(attribute(input(overrides))).toMatchObject({ attributed: false, reason: 'self_referral', candidate: { ambassador: alice } });
    }
  });

  it('does not treat a missing customer id as a match', () => {
    const result = attribute(input({ candidates: [candidate({ ambassador: bob })], customer: { emailNormalised: null, id: null, visitorIsAmbassadors: () => false } }));
    expect(result.attributed).toBe(true);
  });
});
