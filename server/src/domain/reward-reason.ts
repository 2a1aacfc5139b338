import type { FraudReason, RewardReason, RewardStatus } from '../../../shared/src/wire.ts';
import { RULE_OF_REASON } from './fraud-rules.ts';

const REASON_OF_RULE = {
  self_referral: 'own_purchase',
  disposable_email: 'unverified_email',
  ip_velocity: 'unusual_activity',
  coupon_site: 'coupon_site',
} as const satisfies Record<string, RewardReason>;

/**
 * What the ambassador is told about a reward that is not on its way. The owner sees the exact
 * fraud reasons; the ambassador gets one short, stable reason the panel can word and translate.
 */
export function rewardReasonForAmbassador(reward: { status: RewardStatus; reasons: readonly FraudReason[] }): RewardReason | null {
  if (reward.status === 'held') return 'under_review';
  if (reward.status === 'voided') return 'order_refunded';
  if (reward.status !== 'rejected') return null;
  const first = reward.reasons[0];
  return first ? REASON_OF_RULE[RULE_OF_REASON[first]] : 'declined';
}
