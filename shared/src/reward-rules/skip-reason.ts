import type { RewardSkipReason } from '../wire.ts';
import { rateOfItem, type OrderItem } from './item-rates.ts';
import type { ReferralRewardOutcome } from './referral-reward.ts';
import type { RewardRules } from './rules.ts';

/**
 * Why an attributed conversion earns the referrer nothing, for the shop and the owner: the rules'
 * own reason (friend-only, minimum order, threshold, currency), else every item excluded, else
 * the limit that took the whole reward, the last cut before 0 (`cap_reached` for the cap per
 * referral or per month, `budget_exhausted` for the program budget). null when there is a reward, or when the rules
 * simply give 0 (a 0% rate).
 */
export function rewardSkipReason(
  outcome: Pick<ReferralRewardOutcome, 'amount' | 'skipped' | 'zeroedBy'>,
  rules: Pick<RewardRules, 'referrer' | 'itemRates' | 'excludedSkus' | 'excludedCategories'>,
  items: readonly OrderItem[] | undefined,
): RewardSkipReason | null {
  if (outcome.skipped !== null) return outcome.skipped;
  if (outcome.amount > 0) return null;
  const percent = rules.referrer.rate.type === 'percent' && rules.referrer.kind !== 'raffle_entries' && rules.referrer.kind !== 'free_gift';
  if (percent && items && items.length > 0 && items.every((item) => rateOfItem(item, rules, 1) === 0)) return 'excluded_items';
  if (outcome.zeroedBy === 'program_budget') return 'budget_exhausted';
  if (outcome.zeroedBy === 'per_referral' || outcome.zeroedBy === 'per_ambassador_monthly') return 'cap_reached';
  return null;
}
