/**
 * Referral codes are what people read aloud and type into a coupon field, so they use upper-case
 * letters and digits without the look-alikes 0/O and 1/I/L.
 */
export const REFERRAL_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const REFERRAL_CODE_PATTERN = '^[A-Za-z0-9]{4,32}$';

/** A code as typed by a person: trimmed and upper-cased. */
export function canonicalCode(code: string): string {
  return code.trim().toUpperCase();
}

export function isReferralCode(value: string): boolean {
  return /^[A-Za-z0-9]{4,32}$/.test(value);
}

/**
 * A readable code from the ambassador's name: up to six letters of it and a random suffix,
 * e.g. `ALICE7K2`. `randomSuffix` is injected so that the caller owns randomness.
 */
export function codeFromName(name: string, randomSuffix: string): string {
  const letters = name
    .normalize('NFKD')
    .replace(/[^A-Za-z]/g, '')
    .toUpperCase()
    .slice(0, 6);
  return `${letters}${randomSuffix}`;
}
