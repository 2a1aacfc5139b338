import { describe, expect, it } from 'vitest';
import { addMonths, attribute, type AttributionInput, type ReferralCandidate } from '../../src/domain/attribution.ts';

const DAY = 86_400_000;
const PEOPLE = { alice: { id: 1 }, bob: { id: 2 }, carol: { id: 3 } };
type Ambassador = (typeof PEOPLE)[keyof typeof PEOPLE];

const candidate = (name: keyof typeof PEOPLE, overrides: Partial<ReferralCandidate<Ambassador>> = {}): ReferralCandidate<Ambassador> => ({
  via: 'click',
  ambassador: PEOPLE[name],
  referredAt: 0,
  clickId: 'c1',
  ...overrides,
});
const input = (overrides: Partial<AttributionInput<Ambassador>> = {}): AttributionInput<Ambassador> => ({
  cookie: candidate('alice'),
  coupon: null,
  customer: null,
  referralGiven: true,
  convertedAt: 3 * DAY,
  attributionWindowMs: 30 * DAY,
  couponBeatsCookie: true,
  ...overrides,
});

describe('attribute', () => {
  it('attributes to the cookie within the window', () => {
    expect(attribute(input())).toMatchObject({ attributed: true, candidate: { ambassador: PEOPLE.alice } });
  });

  it('says no_referral or unknown_referral when there is no candidate', () => {
    expect(attribute(input({ cookie: null, referralGiven: false }))).toMatchObject({ attributed: false, reason: 'no_referral' });
    expect(attribute(input({ cookie: null }))).toMatchObject({ attributed: false, reason: 'unknown_referral' });
  });

  it('applies the window from the referral to the conversion, inclusive', () => {
    expect(attribute(input({ convertedAt: 30 * DAY })).attributed).toBe(true);
    expect(attribute(input({ convertedAt: 30 * DAY + 1 }))).toMatchObject({
      attributed: false,
      reason: 'outside_attribution_window',
      candidate: { ambassador: PEOPLE.alice },
    });
  });

  it('lets the coupon beat the cookie by default, and the cookie win when the program says so', () => {
    const coupon = candidate('bob', { via: 'coupon', referredAt: null, clickId: null });
    expect(attribute(input({ coupon }))).toMatchObject({ candidate: { via: 'coupon', ambassador: PEOPLE.bob } });
    expect(attribute(input({ coupon, couponBeatsCookie: false }))).toMatchObject({ candidate: { via: 'click', ambassador: PEOPLE.alice } });
  });

  it("keeps the click when the coupon is the cookie's own ambassador's, and the coupon when the click expired", () => {
    const coupon = candidate('alice', { via: 'coupon', referredAt: null, clickId: null });
    expect(attribute(input({ coupon }))).toMatchObject({ candidate: { via: 'click', clickId: 'c1' } });
    expect(attribute(input({ coupon, convertedAt: 40 * DAY }))).toMatchObject({ attributed: true, candidate: { via: 'coupon' } });
  });

  it('falls back to a later kind of evidence when the first has expired', () => {
    const coupon = candidate('bob', { via: 'coupon', referredAt: null, clickId: null });
    expect(attribute(input({ coupon, couponBeatsCookie: false, convertedAt: 40 * DAY }))).toMatchObject({
      attributed: true,
      candidate: { ambassador: PEOPLE.bob },
    });
  });

  it('uses a referral bound to the customer when the browser has none (another device)', () => {
    const customer = candidate('carol', { via: 'customer', referredAt: 2 * DAY });
    expect(attribute(input({ cookie: null, customer }))).toMatchObject({ attributed: true, candidate: { via: 'customer', ambassador: PEOPLE.carol } });
    // The browser's own referral is the fresher evidence.
    expect(attribute(input({ customer }))).toMatchObject({ candidate: { ambassador: PEOPLE.alice } });
  });
});

describe('addMonths', () => {
  it('adds calendar months in UTC and clamps to the end of a shorter month', () => {
    expect(new Date(addMonths(Date.UTC(2025, 0, 15, 12), 1)).toISOString()).toBe('2025-02-15T12:00:00.000Z');
    expect(new Date(addMonths(Date.UTC(2025, 0, 31), 1)).toISOString()).toBe('2025-02-28T00:00:00.000Z');
    expect(new Date(addMonths(Date.UTC(2024, 0, 31), 1)).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(new Date(addMonths(Date.UTC(2025, 10, 30), 3)).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(new Date(addMonths(Date.UTC(2025, 5, 1), 12)).toISOString()).toBe('2026-06-01T00:00:00.000Z');
  });
});
