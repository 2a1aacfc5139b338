import type { Tier } from './rules.ts';

/**
 * The ambassador's tier: the one the owner set by hand when it exists in the rules (it wins over
 * the earned one, so an owner can also hold someone back), else the highest earned tier whose
 * `fromReferrals` the count reaches. null: no tier, no bonus.
 */
export function tierFor(tiers: readonly Tier[], successfulReferrals: number, manualTier: string | null): Tier | null {
  if (manualTier !== null) {
    const manual = tiers.find((tier) => tier.name === manualTier);
    if (manual) return manual;
  }
  let best: Tier | null = null;
  for (const tier of tiers) {
    if (tier.fromReferrals === null || tier.fromReferrals > successfulReferrals) continue;
    if (!best || (best.fromReferrals ?? 0) < tier.fromReferrals) best = tier;
  }
  return best;
}
