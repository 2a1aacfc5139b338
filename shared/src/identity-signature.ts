import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The shop's backend vouches for "this page belongs to customer X" with an HMAC-SHA256 signature,
 * so the widget can show X's referral link without a login and without the secret in the page.
 *
 * The signing key is derived from the program's secret key. Sarafan stores only a hash of the
 * secret (for API authentication) and this derived key (to verify signatures), so a leaked
 * database lets nobody call the API as the shop.
 */
export function identityKey(secretKey: string): string {
  return createHmac('sha256', secretKey).update('sarafan-identity').digest('hex');
}

export interface SignedIdentity {
  programId: string;
  email: string;
  customerId?: string | undefined;
  /** When the shop signed it, UTC epoch milliseconds. */
  timestamp: number;
}

/** The exact bytes that are signed: one field per line, an absent customer id as empty. */
export function identityMessage(identity: SignedIdentity): string {
  return [identity.programId, identity.email, identity.customerId ?? '', String(identity.timestamp)].join('\n');
}

/** Used by the shop's backend: hex signature for the widget's `identify` call. */
export function signIdentity(secretKey: string, identity: SignedIdentity): string {
  return signWithIdentityKey(identityKey(secretKey), identity);
}

export function signWithIdentityKey(key: string, identity: SignedIdentity): string {
  return createHmac('sha256', key).update(identityMessage(identity)).digest('hex');
}

/** Used by the server, which holds only the derived key. Constant-time comparison. */
export function verifyIdentitySignature(key: string, identity: SignedIdentity, signature: string): boolean {
  const expected = Buffer.from(signWithIdentityKey(key, identity), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/i.test(signature) ? signature : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A signed identity is accepted this long after it was signed, and this far in the future. */
export const IDENTITY_MAX_AGE_MS = 24 * 60 * 60 * 1000;
export const IDENTITY_MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
