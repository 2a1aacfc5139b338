import { percentageReward, type OrderItem } from './item-rates.ts';
import { capped, remaining, type LimitHit } from './limits.ts';
import { milestonesReached } from './milestones.ts';
import { rewardUnit, type RewardKind, type RewardRules } from './rules.ts';
import { splitReward } from './split.ts';
import { tierFor } from './tiers.ts';

export interface ReferralRewardInput {
  order: { amount: number; currency: string; items?: readonly OrderItem[] };
  /** The ambassador's successful referrals, this conversion included when it is a new referral. */
  successfulReferrals: number;
  /** A referred customer's later purchase (recurring): it reaches no milestone. */
  repeat: boolean;
  /** The tier the owner set by hand, if any. */
  manualTier: string | null;
  /** The friend's share the ambassador chose for their link, if any. */
  friendSharePercent: number | null;
  /** Already earned in the reward's unit: by this ambassador this calendar month, by the whole program. */
  earnedThisMonth: number;
  earnedByProgram: number;
  /** Milestones whose bonus the ambassador holds (not voided). */
  milestonesAwarded: readonly number[];
}

export type RewardSkipped = 'friend_only' | 'below_minimum_order' | 'below_threshold' | 'currency_not_configured';

export interface ReferralRewardOutcome {
  kind: RewardKind;
  /** The order's currency, or `points`, `entries`, `gifts`. */
  unit: string;
  /** The referrer's reward for this conversion, after the split and the limits. */
  amount: number;
  /** Why there is no referrer reward at all; null when there is one (it may still be 0 after a limit). */
  skipped: RewardSkipped | null;
  tier: string | null;
  /** The friend's share of the reward (split), in the same unit. */
  friendShare: number;
  limitedBy: LimitHit[];
  /** The limit that took the whole of the referrer's reward (the last cut before it reached 0); null otherwise. */
  zeroedBy: LimitHit | null;
  /** Milestone bonuses reached by this conversion, each its own reward, after the limits. */
  bonuses: Array<{ milestone: number; amount: number }>;
}

/**
 * The referrer's side of a conversion under one version of the rules, in this order:
 *  1. base: a percentage (per item, plus the tier's bonus) or a flat amount of the order's
 *     currency; a count for raffle entries and gifts;
 *  2. nothing below the minimum order or before the threshold ("from the Nth referral on");
 *  3. the cap per referral; 4. the split with the friend;
 *  5. the ambassador's monthly cap and the program budget, on the referrer's share;
 *  6. milestone bonuses, limited by what the monthly cap and the budget have left.
 * Pure integer arithmetic: the only rounding is in the percentage (half up, once) and the split.
 */
export function referralReward(rules: RewardRules, input: ReferralRewardInput): ReferralRewardOutcome {
  const kind = rules.referrer.kind;
  const unit = rewardUnit(kind, input.order.currency);
  const tier = tierFor(rules.tiers, input.successfulReferrals, input.manualTier);
  const outcome: ReferralRewardOutcome = { kind, unit, amount: 0, skipped: null, tier: tier?.name ?? null, friendShare: 0, limitedBy: [], zeroedBy: null, bonuses: [] };
  if (rules.sides === 'friend') return { ...outcome, skipped: 'friend_only' };

  const minimum = rules.limits.minimumOrder[input.order.currency];
  if (minimum !== undefined && input.order.amount < minimum) return { ...outcome, skipped: 'below_minimum_order' };

  let monthLeft = remaining(rules.limits.perAmbassadorMonthly[unit], input.earnedThisMonth);
  let budgetLeft = remaining(rules.limits.programBudget[unit], input.earnedByProgram);
  const limit = (amount: number): number => {
    const perMonth = capped(amount, monthLeft);
    if (perMonth < amount) outcome.limitedBy.push('per_ambassador_monthly');
    const inBudget = capped(perMonth, budgetLeft);
    if (inBudget < perMonth) outcome.limitedBy.push('program_budget');
    if (monthLeft !== null) monthLeft -= inBudget;
    if (budgetLeft !== null) budgetLeft -= inBudget;
    return inBudget;
  };

  const base = baseReward(rules, input, tier?.bonusBasisPoints ?? 0);
  if (base === null) {
    outcome.skipped = 'currency_not_configured';
  } else if (input.successfulReferrals < rules.threshold) {
    outcome.skipped = 'below_threshold';
  } else {
    const perReferral = capped(base, rules.limits.perReferral[unit] ?? null);
    if (perReferral < base) outcome.limitedBy.push('per_referral');
    // Counts (entries, gifts) are not shared.
    const split = unit === 'entries' || unit === 'gifts' ? { referrer: perReferral, friend: 0 } : splitReward(perReferral, rules.split, input.friendSharePercent);
    outcome.friendShare = split.friend;
    outcome.amount = limit(split.referrer);
    // Only this reward's cuts are recorded so far (the bonuses come next).
    if (outcome.amount === 0 && base > 0) outcome.zeroedBy = outcome.limitedBy.at(-1) ?? null;
  }

  if (!input.repeat) {
    for (const milestone of milestonesReached(rules.milestones, input.successfulReferrals, input.milestonesAwarded)) {
      const bonus = milestone.amounts[unit];
      if (bonus !== undefined && bonus > 0) outcome.bonuses.push({ milestone: milestone.referrals, amount: limit(bonus) });
    }
  }
  return outcome;
}

/** The reward before thresholds and limits; null when a flat reward has no amount in this currency. */
function baseReward(rules: RewardRules, input: ReferralRewardInput, bonusBasisPoints: number): number | null {
  const referrer = rules.referrer;
  if (referrer.kind === 'raffle_entries') return referrer.entriesPerConversion ?? 1;
  if (referrer.kind === 'free_gift') return 1;
  if (referrer.rate.type === 'flat') return referrer.rate.amounts[input.order.currency] ?? null;
  return percentageReward(input.order.amount, input.order.items, rules, referrer.rate.basisPoints, bonusBasisPoints);
}
