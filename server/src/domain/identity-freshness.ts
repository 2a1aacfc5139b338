import { IDENTITY_MAX_AGE_MS, IDENTITY_MAX_CLOCK_SKEW_MS } from '../../../shared/src/identity-signature.ts';

/** A signed identity is a bearer token for a page view: it expires, and may not come from the future. */
export function isIdentityFresh(signedAt: number, now: number): boolean {
  return now - signedAt <= IDENTITY_MAX_AGE_MS && signedAt - now <= IDENTITY_MAX_CLOCK_SKEW_MS;
}
