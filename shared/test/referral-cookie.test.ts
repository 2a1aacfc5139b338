import { describe, expect, it } from 'vitest';
import { formatReferralCookie, parseReferralCookie } from '../src/referral-cookie.ts';

describe('sarafan_ref cookie', () => {
  it('round-trips', () => {
    const value = formatReferralCookie({ code: 'ALICE7K2', clickId: 'c_Ab3-x' });
    expect(parseReferralCookie(value)).toEqual({ code: 'ALICE7K2', clickId: 'c_Ab3-x' });
  });

  it('accepts a percent-encoded value', () => {
    expect(parseReferralCookie('ALICE7K2%2Ec_1')).toEqual({ code: 'ALICE7K2', clickId: 'c_1' });
  });

  it.each(['', 'ALICE7K2', 'ALICE7K2.', '.abc', 'AL.abc', 'ALICE7K2.a.b', 'ALICE7K2.<script>', 'ALICE7K2.%E0%A4%A', '%'])(
    'rejects %j',
    (value) => {
      expect(parseReferralCookie(value)).toBeNull();
    },
  );
});
