import { describe, expect, it } from 'vitest';
import { isReferralCode } from '../../../shared/src/referral-code.ts';
import { newReferralCode } from '../../src/services/referral-codes.ts';

describe('newReferralCode', () => {
  it('reads as the name plus a random part of the unambiguous alphabet', () => {
    expect(newReferralCode('Alice Smith')).toMatch(/^ALICES[2-9A-HJKMNP-Z]{4}$/);
    expect(newReferralCode('Zoë')).toMatch(/^ZOE[2-9A-HJKMNP-Z]{4}$/);
  });

  it('uses a longer random part for names without Latin letters and for retries', () => {
    expect(newReferralCode('Ольга')).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(newReferralCode('Al')).toMatch(/^AL[2-9A-HJKMNP-Z]{8}$/);
    expect(newReferralCode('Alice', 2)).toMatch(/^ALICE[2-9A-HJKMNP-Z]{8}$/);
  });

  it('always produces a valid code', () => {
    for (const name of ['', '123', 'x', 'A very long name indeed', '🙂']) expect(isReferralCode(newReferralCode(name))).toBe(true);
  });
});
