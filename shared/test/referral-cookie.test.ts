import { describe, expect, it } from 'vitest';
import { formatReferralCookie, parseReferralCookie } from '../src/referral-cookie.ts';

describe('sarafan_ref cookie', () => {
  it('round-trips', () => {
    const value = formatReferralCookie({ code: 'ALICE7K2', clickId: 'c_Ab3-x' });
    expect(parseReferralCookie(value)).toEqual({ code: 'ALICE7K2', clickId: 'c_Ab3-x' });
  });

  it.each(['', 'ALICE7K2', 'ALICE7K2.', '.abc', 'AL.abc', 'ALICE7K2.a.b', 'ALICE7K2.<script>', 'ALICE7K2.%E0%A4%A', '%'])(
    'rejects %j',
    (value) => {
      expect(parseReferralCookie(value)).toBeNull();
    },
  );
});
