/** Which limit cut a reward down, in the order they apply. */
export type LimitHit = 'per_referral' | 'per_ambassador_monthly' | 'program_budget';

/** `amount` limited by `cap` (null = no cap), never below 0. */
export function capped(amount: number, cap: number | null): number {
  return cap === null ? amount : Math.max(0, Math.min(amount, cap));
}

/** What remains of a total cap after `used` (null = no cap). */
export function remaining(cap: number | undefined, used: number): number | null {
  return cap === undefined ? null : Math.max(0, cap - used);
}
