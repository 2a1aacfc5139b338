import { IDENTITY_MAX_AGE_MS, IDENTITY_MAX_CLOCK_SKEW_MS } from '../../../shared/src/identity-signature.ts';
import { describe, expect, it } from 'vitest';
import { isIdentityFresh } from '../../src/domain/identity-freshness.ts';

describe('isIdentityFresh', () => {
  const now = 1_700_000_000_000;
  it('accepts up to the maximum age and a little clock skew', () => {
    expect(isIdentityFresh(now - IDENTITY_MAX_AGE_MS, now)).toBe(true);
    expect(isIdentityFresh(now - IDENTITY_MAX_AGE_MS - 1, now)).toBe(false);
    expect(isIdentityFresh(now + IDENTITY_MAX_CLOCK_SKEW_MS, now)).toBe(true);
    expect(isIdentityFresh(now + IDENTITY_MAX_CLOCK_SKEW_MS + 1, now)).toBe(false);
  });
});
