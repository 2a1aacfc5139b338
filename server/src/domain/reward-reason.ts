import type { FraudReason, RewardReason, RewardStatus } from '../../../shared/src/wire.ts';
import { RULE_OF_REASON } from './fraud-rules.ts';

/**
 * What the ambassador is told about a reward that is not on its way. The owner sees the exact
 * fraud reasons; the ambassador gets one short reason the panel can word and translate: their own
 * purchase is said plainly, the other rules only as "not eligible", so that the panel does not
 * teach anyone which checks to dodge.
 */
export function rewardReasonForAmbassador(reward: { status: RewardStatus; reasons: readonly FraudReason[] }): RewardReason | null {
  if (reward.status === 'held') return 'under_review';
  if (reward.status === 'voided') return 'order_refunded';
  if (reward.status !== 'rejected') return null;
  return reward.reasons.some((reason) => RULE_OF_REASON[reason] === 'self_referral') ? 'own_purchase' : 'not_eligible';
}
