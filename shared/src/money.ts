/** Money is always integer minor units (cents, kopecks) plus an ISO 4217 currency code. */
export interface Money {
  amount: number;
  currency: string;
}

export const CURRENCY_CODE_PATTERN = '^[A-Z]{3}$';

/** The largest amount we accept in minor units: far above any real order, far below 2^53. */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000;

export function isCurrencyCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value);
}

/**
 * `basisPoints` of `amount` (1000 bp = 10%), rounded half up to a whole minor unit.
 * Integer arithmetic only: a float percentage would drift by a cent on some amounts.
 */
export function percentOf(amount: number, basisPoints: number): number {
  if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(basisPoints)) {
    throw new RangeError('percentOf expects integers');
  }
  const sign = amount < 0 ? -1n : 1n;
  // BigInt because amount × basis points can pass 2^53 for large orders.
  return Number(sign * ((BigInt(Math.abs(amount)) * BigInt(basisPoints) + 5_000n) / 10_000n));
}

/**
 * Scales `part` of `whole` onto `amount`, rounded half up: the share of a reward that a partial
 * refund takes back. Returns `amount` when `part >= whole`.
 */
export function proportionOf(amount: number, part: number, whole: number): number {
  if (whole <= 0 || part >= whole) return amount;
  if (part <= 0) return 0;
  const doubled = BigInt(amount) * BigInt(part) * 2n + BigInt(whole);
  return Number(doubled / (BigInt(whole) * 2n));
}
