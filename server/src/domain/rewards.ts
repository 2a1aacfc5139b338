import { percentOf, proportionOf } from '../../../shared/src/money.ts';
import type { ConversionStatus, RewardStatus } from '../../../shared/src/wire.ts';

/** The ambassador's reward for an order: `basisPoints` of what the friend paid, same currency. */
export function rewardForOrder(orderAmount: number, basisPoints: number): number {
  return percentOf(orderAmount, basisPoints);
}

export interface RefundableConversion {
  amount: number;
  refundedAmount: number;
  reward: { originalAmount: number; amount: number; status: RewardStatus } | null;
}

export type RefundOutcome =
  | { ok: false; reason: 'refund_exceeds_order'; remaining: number }
  | {
      ok: true;
      amount: number;
      refundedAmount: number;
      status: ConversionStatus;
      reward: { amount: number; status: RewardStatus } | null;
    };

/**
 * What a refund does. `requested` null means "everything that remains". A pending reward shrinks
 * in proportion to the refunded share of the order, computed from the original reward and the
 * total refunded so far (so rounding never accumulates), and is voided by a full refund. A reward
 * that is no longer pending (approved, paid, ...) is left alone: taking it back is a human decision.
 */
export function planRefund(conversion: RefundableConversion, requested: number | null): RefundOutcome {
  const remaining = conversion.amount - conversion.refundedAmount;
  const amount = requested ?? remaining;
  if (amount <= 0 || amount > remaining) return { ok: false, reason: 'refund_exceeds_order', remaining };

  const refundedAmount = conversion.refundedAmount + amount;
  const status: ConversionStatus = refundedAmount >= conversion.amount ? 'refunded' : 'partially_refunded';
  const reward = conversion.reward;
  if (!reward || reward.status !== 'pending') {
    return { ok: true, amount, refundedAmount, status, reward: reward ? { amount: reward.amount, status: reward.status } : null };
  }
  if (status === 'refunded') return { ok: true, amount, refundedAmount, status, reward: { amount: 0, status: 'voided' } };
  const takenBack = proportionOf(reward.originalAmount, refundedAmount, conversion.amount);
  return { ok: true, amount, refundedAmount, status, reward: { amount: reward.originalAmount - takenBack, status: 'pending' } };
}
