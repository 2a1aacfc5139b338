import type { RewardRules } from '../../../shared/src/reward-rules/rules.ts';
import { tierFor } from '../../../shared/src/reward-rules/tiers.ts';
import type { AmbassadorProgress } from '../../../shared/src/wire.ts';

/**
 * Where the ambassador stands under the rules in force: the next milestone bonus they have not
 * reached, their tier (the owner's VIP choice wins, as in the reward maths) and the next tier to
 * earn. Milestones and tiers already behind them are not mentioned.
 */
export function ambassadorProgress(rules: RewardRules, referrals: number, manualTier: string | null): AmbassadorProgress {
  const progress: AmbassadorProgress = { referrals };
  const milestone = rules.milestones
    .filter((candidate) => candidate.referrals > referrals)
    .sort((a, b) => a.referrals - b.referrals)[0];
  if (milestone) {
    progress.nextMilestone = {
      referrals: milestone.referrals,
      amounts: Object.entries(milestone.amounts).map(([currency, amount]) => ({ amount, currency })),
    };
  }
  const tier = tierFor(rules.tiers, referrals, manualTier);
  if (tier) progress.tier = tier.name;
  const next = rules.tiers
    .filter((candidate) => candidate.fromReferrals !== null && candidate.fromReferrals > referrals && candidate.fromReferrals > (tier?.fromReferrals ?? -1))
    .sort((a, b) => a.fromReferrals! - b.fromReferrals!)[0];
  // Someone the owner made VIP is not told about earnable tiers below theirs.
  if (next && next.fromReferrals !== null && !(tier && tier.fromReferrals === null)) progress.nextTier = { name: next.name, fromReferrals: next.fromReferrals };
  return progress;
}
